using AmpaCds.Prediction.Outcomes;

namespace AmpaCds.Prediction.Tests;

/// <summary>The outcome folder `ampacds model train --from-outcomes` reads.</summary>
public sealed class OutcomeStoreFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ampacds-outcome-files-");

    [Fact]
    public void A_torn_last_line_is_ignored_and_earlier_records_survive()
    {
        var store = new OutcomeStore(_folder.FullName);
        store.RecordForecast(new IssuedForecastRecord("a", "v", new Dictionary<string, double> { ["x"] = 1 }, 0.2, -20, DateTimeOffset.UnixEpoch));
        File.AppendAllText(Path.Combine(store.Folder, "forecasts.jsonl"), "{\"subjectKey\":\"b\",\"mod");

        Assert.Equal(["a"], store.LatestForecasts().Keys);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
