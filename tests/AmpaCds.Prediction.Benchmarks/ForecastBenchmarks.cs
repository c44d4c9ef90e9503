using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Model;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Synthetic.Cohort;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Prediction.Benchmarks;

/// <summary>
/// One in-process forecast of the default model: validation, calibrated probability, 90% intervals over the
/// 50-member bootstrap ensemble and all 18 contributions. Target: p99 under 1 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ForecastBenchmarks
{
    private ResponseModel _model = null!;
    private Dictionary<string, double> _patient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = DefaultModelRecipe.TrainDefaultModel();
        _patient = CohortSimulator.Simulate(1, 777, CohortOptions.KetamineTraining)[0].BaselineSuvr().ToDictionary();
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark]
    public DetailedForecast DetailedForecast() => _model.Forecast(_patient);
}
