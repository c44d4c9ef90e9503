using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Prediction.Persistence;

/// <summary>IssuedForecasts: what was forecast for which input with which model. Adds go into the caller's unit of work.</summary>
public sealed class ForecastRepository(PredictionDbContext db, TimeProvider clock)
{
    /// <summary>The forecast already issued for this input and model, if any (the unique key of IssuedForecasts).</summary>
    public Task<IssuedForecastRow?> FindAsync(string subjectKey, string inputHash, string modelVersion, CancellationToken cancellationToken) =>
        db.IssuedForecasts.AsNoTracking().SingleOrDefaultAsync(
            row => row.SubjectKey == subjectKey && row.InputHash == inputHash && row.ModelVersion == modelVersion, cancellationToken);

    /// <summary>Adds a forecast to the context; saved by the caller (with its inbox row and outbox message).</summary>
    public IssuedForecastRow Add(string subjectKey, string inputHash, string modelVersion, StoredForecastFeatures features,
        double responseProbability, double expectedMadrsChangePercent, Guid? correlationId)
    {
        var row = new IssuedForecastRow
        {
            Id = Guid.NewGuid(),
            SubjectKey = subjectKey,
            InputHash = inputHash,
            ModelVersion = modelVersion,
            Features = StoredJson.Write(features),
            ResponseProbability = responseProbability,
            ExpectedMadrsChangePercent = expectedMadrsChangePercent,
            CorrelationId = correlationId,
            IssuedAtUtcTicks = MonotonicClock.Next(clock),
        };
        db.IssuedForecasts.Add(row);
        return row;
    }

    /// <summary>The latest forecast per subject key.</summary>
    public async Task<IReadOnlyDictionary<string, IssuedForecastRecord>> LatestAsync(CancellationToken cancellationToken)
    {
        var rows = await db.IssuedForecasts.AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.SubjectKey, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => ToRecord(group.MaxBy(row => row.IssuedAtUtcTicks)!), StringComparer.Ordinal);
    }

    /// <summary>The latest forecast for one subject, or null.</summary>
    public async Task<IssuedForecastRecord?> LatestForAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var row = await db.IssuedForecasts.AsNoTracking()
            .Where(forecast => forecast.SubjectKey == subjectKey)
            .OrderByDescending(forecast => forecast.IssuedAtUtcTicks)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public static IssuedForecastRecord ToRecord(IssuedForecastRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var features = StoredJson.Read<StoredForecastFeatures>(row.Features);
        return new IssuedForecastRecord(row.SubjectKey, row.ModelVersion, features.Suvr, row.ResponseProbability,
            row.ExpectedMadrsChangePercent, new DateTimeOffset(row.IssuedAtUtcTicks, TimeSpan.Zero));
    }
}
