using AmpaCds.Synthetic;

namespace AmpaCds.Prediction.Tests;

/// <summary>Models trained once per test run; training takes seconds and several test classes only read them.</summary>
internal static class SharedModels
{
    private static readonly Lazy<ResponseModel> LazyDefault = new(DefaultModelProvider.TrainDefaultModel);

    private static readonly Lazy<ResponseModel> LazyAutoOnDefaultCohort =
        new(() => ResponseModelTrainer.Train(DefaultModelProvider.DefaultTrainingCohort(),
            new TrainingOptions { Seed = DefaultModelProvider.DefaultTrainingSeed, FeatureSource = DefaultModelProvider.DefaultTrainingOptions.FeatureSource }));

    public static ResponseModel Default => LazyDefault.Value;

    /// <summary>The default cohort with the automatic logistic-vs-FastTree comparison.</summary>
    public static ResponseModel AutoOnDefaultCohort => LazyAutoOnDefaultCohort.Value;

    public static IReadOnlyList<CohortRow> TrainingCohort(int seed, bool nullSignal, int n = DefaultModelProvider.DefaultCohortSize) =>
        CohortRow.FromSubjects(CohortSimulator.Simulate(n, seed, CohortOptions.KetamineTraining with { NullSignal = nullSignal }));

    /// <summary>A plausible patient: the baseline SUVR of one simulated TRD patient.</summary>
    public static Dictionary<string, double> PatientSuvr(int index = 0) =>
        CohortSimulator.Simulate(index + 1, 777, CohortOptions.KetamineTraining)[index].BaselineSuvr().ToDictionary();
}
