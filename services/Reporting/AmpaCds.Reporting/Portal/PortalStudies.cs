using System.Security.Claims;
using AmpaCds.Reporting.Access;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// The portal's view of the gateway's studies under the same care-team rule as the gRPC API: a psychiatrist sees only
/// studies naming them as referring physician; every read of patient data and every refusal is audited.
/// </summary>
public sealed class PortalStudies(StudyRepository studies, CareTeamAccess access, IAuditTrail trail, TimeProvider clock)
{
    public const string WorklistQuery = "portal/worklist";

    public async Task<IReadOnlyList<StudyRecord>> WorklistAsync(HttpContext context, WorklistFilter filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var visible = (await studies.ListAsync(context.RequestAborted))
            .Where(study => access.IsTreating(context.User, study) && filter.Matches(study))
            .OrderByDescending(study => study.UpdatedAt)
            .ToList();
        await RecordAsync(context, AuditEventKind.Query, [StudyAuditObjects.Query(WorklistQuery)], $"{visible.Count} studies listed");
        return visible;
    }

    /// <summary>The study if the caller treats its patient; <see cref="Lookup.Missing"/> or <see cref="Lookup.Refused"/> (audited) otherwise.</summary>
    public async Task<(Lookup Outcome, StudyRecord? Study)> FindTreatedAsync(HttpContext context, string studyInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(context);
        StudyRecord? study;
        try
        {
            study = await studies.FindAsync(studyInstanceUid, context.RequestAborted);
        }
        catch (ArgumentException)
        {
            return (Lookup.Missing, null);
        }
        if (study is null || CareTeamAccess.StillArriving(study))
        {
            return (Lookup.Missing, null);
        }
        if (!access.IsTreating(context.User, study))
        {
            await trail.RecordAsync(new AuditEvent(AuditEventKind.AuthorizationRefused, AuditOutcome.MinorFailure, clock.GetUtcNow(),
                AuditActors.From(context), StudyAuditObjects.Of(study), $"portal {context.Request.Path}: {access.RefusalReason(context.User, study)}"),
                context.RequestAborted);
            return (Lookup.Refused, null);
        }
        return (Lookup.Found, study);
    }

    public bool MaySeeStage(ClaimsPrincipal user, StudyRecord study) => access.IsTreating(user, study);

    public Task RecordAsync(HttpContext context, AuditEventKind kind, IReadOnlyList<AuditObject> objects, string detail) =>
        trail.RecordAsync(new AuditEvent(kind, AuditOutcome.Success, clock.GetUtcNow(), AuditActors.From(context), objects, detail), context.RequestAborted);

    public enum Lookup
    {
        Found,
        Missing,
        Refused,
    }
}
