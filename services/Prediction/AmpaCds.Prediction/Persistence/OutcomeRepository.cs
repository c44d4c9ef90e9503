using AmpaCds.Persistence.Messaging;
using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Prediction.Persistence;

/// <summary>ObservedOutcomes: appended, the latest per subject wins; paired with the latest forecast for drift and retraining.</summary>
public sealed class OutcomeRepository(PredictionDbContext db, TimeProvider clock)
{
    /// <summary>Stores an outcome for a subject that has a forecast; throws <see cref="OutcomeStoreException"/> otherwise.</summary>
    public async Task<ObservedOutcomeRecord> RecordAsync(string subjectKey, int baselineMadrs, int followUpMadrs, int? age, Sex? sex,
        CancellationToken cancellationToken)
    {
        if (baselineMadrs is < 1 or > 60 || followUpMadrs is < 0 or > 60)
        {
            throw new OutcomeStoreException(
                $"MADRS must be 1-60 at baseline and 0-60 at follow-up; got {baselineMadrs} and {followUpMadrs}.");
        }

        if (age is < 18 or > 100)
        {
            throw new OutcomeStoreException($"Age {age} is outside 18-100.");
        }

        if (!await db.IssuedForecasts.AnyAsync(forecast => forecast.SubjectKey == subjectKey, cancellationToken))
        {
            throw new OutcomeStoreException("No forecast was issued for this subject key; outcomes are recorded against an issued forecast.");
        }

        var row = new ObservedOutcomeRow
        {
            Id = Guid.NewGuid(),
            SubjectKey = subjectKey,
            BaselineMadrs = baselineMadrs,
            FollowUpMadrs = followUpMadrs,
            Age = age,
            Sex = sex?.ToString(),
            RecordedAtUtcTicks = MonotonicClock.Next(clock),
        };
        db.ObservedOutcomes.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(row);
    }

    /// <summary>The latest outcome per subject key.</summary>
    public async Task<IReadOnlyDictionary<string, ObservedOutcomeRecord>> LatestAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ObservedOutcomes.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.SubjectKey, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => ToRecord(group.MaxBy(row => row.RecordedAtUtcTicks)!), StringComparer.Ordinal);
    }

    /// <summary>Subjects with both a forecast and an outcome (latest of each), ordered by key so that retraining is reproducible.</summary>
    public async Task<IReadOnlyList<(IssuedForecastRecord Forecast, ObservedOutcomeRecord Outcome)>> PairsAsync(CancellationToken cancellationToken)
    {
        var forecasts = await new ForecastRepository(db, clock).LatestAsync(cancellationToken);
        var outcomes = await LatestAsync(cancellationToken);
        return OutcomeCohort.Pair(forecasts, outcomes);
    }

    /// <summary>The recorded patients as a training cohort (see <see cref="OutcomeCohort"/>).</summary>
    public async Task<IReadOnlyList<CohortRow>> ToCohortAsync(CancellationToken cancellationToken, OutcomeCriteria? criteria = null) =>
        OutcomeCohort.From(await PairsAsync(cancellationToken), criteria);

    private static ObservedOutcomeRecord ToRecord(ObservedOutcomeRow row) =>
        new(row.SubjectKey, row.BaselineMadrs, row.FollowUpMadrs, row.Age,
            row.Sex is null ? null : Enum.Parse<Sex>(row.Sex), new DateTimeOffset(row.RecordedAtUtcTicks, TimeSpan.Zero));
}
