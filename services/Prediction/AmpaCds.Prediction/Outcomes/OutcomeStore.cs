using System.Text.Json;
using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;

namespace AmpaCds.Prediction.Outcomes;

/// <summary>
/// An exported or legacy outcome folder, read by `ampacds model train --from-outcomes DIR`; the Prediction service itself
/// keeps forecasts and outcomes in its database (Persistence/). Two append-only JSON-lines files
/// (forecasts.jsonl, outcomes.jsonl) in one folder. The latest entry per subject key wins, so a corrected outcome is
/// simply recorded again. Appends are serialised within the process; one service instance owns the folder.
/// </summary>
public sealed class OutcomeStore
{
    private const string ForecastsFile = "forecasts.jsonl";
    private const string OutcomesFile = "outcomes.jsonl";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();

    public OutcomeStore(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder { get; }

    public void RecordForecast(IssuedForecastRecord forecast) => Append(ForecastsFile, forecast);

    /// <summary>Stores an outcome for a subject that has a recorded forecast; throws <see cref="OutcomeStoreException"/> otherwise.</summary>
    public void RecordOutcome(ObservedOutcomeRecord outcome)
    {
        if (outcome.BaselineMadrs is < 1 or > 60 || outcome.FollowUpMadrs is < 0 or > 60)
        {
            throw new OutcomeStoreException(
                $"MADRS must be 1-60 at baseline and 0-60 at follow-up; got {outcome.BaselineMadrs} and {outcome.FollowUpMadrs}.");
        }

        if (outcome.Age is < 18 or > 100)
        {
            throw new OutcomeStoreException($"Age {outcome.Age} is outside 18-100.");
        }

        if (!LatestForecasts().ContainsKey(outcome.SubjectKey))
        {
            throw new OutcomeStoreException("No forecast was issued for this subject key; outcomes are recorded against an issued forecast.");
        }

        Append(OutcomesFile, outcome);
    }

    public IReadOnlyDictionary<string, IssuedForecastRecord> LatestForecasts() => Latest<IssuedForecastRecord>(ForecastsFile, r => r.SubjectKey);

    public IReadOnlyDictionary<string, ObservedOutcomeRecord> LatestOutcomes() => Latest<ObservedOutcomeRecord>(OutcomesFile, r => r.SubjectKey);

    /// <summary>Subjects with both a forecast and an outcome, ordered by key so that retraining is reproducible.</summary>
    public IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)> Pairs() => OutcomeCohort.Pair(LatestForecasts(), LatestOutcomes());

    /// <summary>The recorded patients as a training cohort (see <see cref="OutcomeCohort.From"/>).</summary>
    public IReadOnlyList<CohortRow> ToCohort(OutcomeCriteria? criteria = null) => OutcomeCohort.From(Pairs(), criteria);

    private void Append<T>(string file, T record)
    {
        var line = JsonSerializer.Serialize(record, Json) + "\n";
        lock (_gate)
        {
            using var stream = new FileStream(Path.Combine(Folder, file), FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    private Dictionary<string, T> Latest<T>(string file, Func<T, string> key)
    {
        var path = Path.Combine(Folder, file);
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        string[] lines;
        lock (_gate)
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        }

        var nonEmpty = lines.Where(l => l.Length > 0).ToList();
        for (var i = 0; i < nonEmpty.Count; i++)
        {
            T? record;
            try
            {
                record = JsonSerializer.Deserialize<T>(nonEmpty[i], Json);
            }
            catch (JsonException) when (i == nonEmpty.Count - 1)
            {
                // A crash during the last append leaves a torn final line; everything before it is intact.
                break;
            }

            latest[key(record ?? throw new InvalidDataException($"Empty record in {path}."))] = record;
        }

        return latest;
    }
}
