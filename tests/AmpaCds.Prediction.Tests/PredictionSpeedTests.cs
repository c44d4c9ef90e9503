namespace AmpaCds.Prediction.Tests;

public class PredictionSpeedTests
{
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
