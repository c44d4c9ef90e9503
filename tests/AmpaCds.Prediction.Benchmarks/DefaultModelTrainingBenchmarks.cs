using AmpaCds.Research.ModelEvaluation;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>
/// What the service's first start pays when its registry is empty: simulate the 400-patient default cohort, train
/// the logistic model with its 50-member bootstrap ensemble and Platt calibration. Target: a few seconds.
/// </summary>
[Config(typeof(TrainingConfig))]
public class DefaultModelTrainingBenchmarks
{
    [Benchmark]
    public string TrainDefaultModel()
    {
        using var model = DefaultModelRecipe.TrainDefaultModel();
        return model.Version;
    }
}
