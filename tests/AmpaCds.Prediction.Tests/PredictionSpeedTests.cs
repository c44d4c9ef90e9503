using System.Diagnostics;

namespace AmpaCds.Prediction.Tests;

public class PredictionSpeedTests
{
    [Fact]
    public void A_forecast_takes_well_under_a_millisecond()
    {
        var model = SharedModels.Default;
        var patient = SharedModels.PatientSuvr();
        model.Predict(patient);

        const int count = 2000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            model.Predict(patient);
        }

        Assert.True(watch.Elapsed.TotalMilliseconds / count < 1.0, $"{watch.Elapsed.TotalMilliseconds / count:F4} ms per forecast");
    }

    [Fact]
    public void Concurrent_forecasts_agree_with_sequential_ones()
    {
        var model = SharedModels.Default;
        var patients = Enumerable.Range(0, 8).Select(SharedModels.PatientSuvr).ToList();
        var sequential = patients.Select(p => model.Predict(p)).ToList();

        var parallel = patients.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .SelectMany(p => Enumerable.Repeat(p, 50).Select(q => model.Predict(q)).Distinct()).ToList();

        Assert.Equal(sequential, parallel);
    }
}
