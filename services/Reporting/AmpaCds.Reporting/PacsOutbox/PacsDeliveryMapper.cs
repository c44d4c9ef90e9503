using System.Globalization;
using AmpaCds.Reporting.Persistence;
using Proto = AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>PacsDeliveries rows as the API's PacsDelivery messages.</summary>
public static class PacsDeliveryMapper
{
    public static Proto.PacsDelivery ToMessage(PacsDeliveryEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Proto.PacsDelivery
        {
            StudyInstanceUid = row.StudyInstanceUid,
            ReportVersion = row.ReportVersion,
            Destination = row.Destination,
            ObjectKind = row.ObjectKind,
            SopInstanceUid = row.SopInstanceUid ?? "",
            State = row.State,
            Attempts = row.Attempts,
            NextAttemptAt = row.State == nameof(PacsDeliveryState.Pending) ? Iso(row.NextAttemptAtUtcTicks) : "",
            LastStatus = row.LastStatus ?? -1,
            Reason = row.LastError ?? "",
            CreatedAt = Iso(row.CreatedAtUtcTicks),
            DeliveredAt = row.DeliveredAtUtcTicks is { } delivered ? Iso(delivered) : "",
        };
    }

    private static string Iso(long utcTicks) => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
}
