using AmpaCds.Persistence.Messaging;
using AmpaCds.Reporting.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// Plans the objects of a new report version for every enabled destination, in the caller's transaction (the one
/// that stores the version): the version and its deliveries commit together, so a crash between the two cannot
/// lose a delivery, and the worker finds them however long the process was down.
/// </summary>
public sealed class PacsDeliveryPlanner(ReportingDbContext db, IOptions<PacsOptions> options)
{
    public int Plan(string studyInstanceUid, int reportVersion, DateTimeOffset now)
    {
        var planned = 0;
        foreach (var destination in options.Value.Destinations.Where(destination => destination.Enabled))
        {
            foreach (var kind in destination.SelectedObjects.SelectMany(selection => selection.Kinds()))
            {
                db.PacsDeliveries.Add(new PacsDeliveryEntity
                {
                    Id = NewId.NextGuid(),
                    StudyInstanceUid = studyInstanceUid,
                    ReportVersion = reportVersion,
                    Destination = destination.Name,
                    ObjectKind = kind.ToString(),
                    State = nameof(PacsDeliveryState.Pending),
                    NextAttemptAtUtcTicks = now.UtcTicks,
                    CreatedAtUtcTicks = now.UtcTicks,
                    TraceParent = OutboxTelemetry.CurrentTraceParent(),
                });
                planned++;
            }
        }
        return planned;
    }
}
