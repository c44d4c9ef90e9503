using System.Globalization;
using AmpaCds.Contracts.Audit;
using AmpaCds.Reporting.Persistence;

namespace AmpaCds.Reporting.Audit;

/// <summary>Stored audit rows as the AuditApi returns them.</summary>
public static class AuditRecordMapper
{
    public static AuditEventRecord ToRecord(AuditEventEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var record = new AuditEventRecord
        {
            EventId = row.Id.ToString(),
            OccurredAt = Rfc3339(row.OccurredAtUtcTicks),
            RecordedAt = Rfc3339(row.RecordedAtUtcTicks),
            Source = row.Source,
            Kind = row.Kind,
            Outcome = row.Outcome,
            UserId = row.UserId,
            NetworkAddress = row.NetworkAddress ?? "",
            PatientId = row.PatientId ?? "",
            StudyInstanceUid = row.StudyInstanceUid ?? "",
            Detail = row.Detail ?? "",
            Xml = row.Xml,
        };
        record.Roles.AddRange(row.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return record;
    }

    public static string Rfc3339(long utcTicks) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
