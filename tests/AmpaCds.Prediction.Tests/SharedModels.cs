using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Prediction.Tests;

/// <summary>Models trained once per test run; training takes seconds and several test classes only read them.</summary>
internal static class SharedModels
{
    private static readonly Lazy<ResponseModel> LazyDefault = new(DefaultModelRecipe.TrainDefaultModel);

    private static readonly Lazy<ResponseModel> LazyAutoOnDefaultCohort =
        new(() => ResponseModelTrainer.Train(DefaultModelRecipe.DefaultTrainingCohort(),
            new TrainingOptions { Seed = DefaultModelRecipe.DefaultTrainingSeed, FeatureSource = DefaultModelRecipe.DefaultTrainingOptions.FeatureSource }));

    private static readonly Lazy<ResponseModel> LazyOther =
        new(() => ResponseModelTrainer.Train(TrainingCohort(3, nullSignal: false, n: 120),
            new TrainingOptions { Trainer = ResponseTrainerKind.LogisticRegression, BootstrapMembers = 5 }));

    public static ResponseModel Default => LazyDefault.Value;

    /// <summary>A second, small logistic-regression version (another version string than <see cref="Default"/>).</summary>
    public static ResponseModel Other => LazyOther.Value;

    /// <summary>The default cohort with the automatic logistic-vs-FastTree comparison.</summary>
    public static ResponseModel AutoOnDefaultCohort => LazyAutoOnDefaultCohort.Value;

    public static IReadOnlyList<CohortRow> TrainingCohort(int seed, bool nullSignal, int n = DefaultModelRecipe.DefaultCohortSize) =>
        CohortRows.FromSubjects(CohortSimulator.Simulate(n, seed, CohortOptions.KetamineTraining with { NullSignal = nullSignal }));

    /// <summary>A plausible patient: the baseline SUVR of one simulated TRD patient.</summary>
    public static Dictionary<string, double> PatientSuvr(int index = 0) =>
        CohortSimulator.Simulate(index + 1, 777, CohortOptions.KetamineTraining)[index].BaselineSuvr().ToDictionary();
}
