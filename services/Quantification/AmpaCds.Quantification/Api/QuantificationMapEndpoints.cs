using AmpaCds.Quantification.Maps;
using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AmpaCds.Quantification.Api;

/// <summary>
/// Quantification's map API: the template-space maps of a measured series as NIfTI-1 (.nii.gz), for the gateway's
/// figures. Services only: people see maps through the gateway, which checks the care relationship first.
/// </summary>
public static class QuantificationMapEndpoints
{
    public const string Root = "/api/maps";
    public const string MediaType = "application/gzip";

    public static IEndpointRouteBuilder MapQuantificationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Root).RequireRoles(Roles.Service);
        group.MapGet("/{study}/{series}/{map}", GetAsync);
        return endpoints;
    }

    // Checks in the order a client can fix them: the path (400), then what exists (404).
    private static async Task<IResult> GetAsync(HttpContext context, ParametricMapStore store, IAuditTrail trail, TimeProvider clock,
        string study, string series, string map)
    {
        // Client text is not echoed: it would reach the log and the problem body unchecked.
        if (!ParametricMapStore.IsUid(study) || !ParametricMapStore.IsUid(series))
        {
            return Results.Problem(detail: "the study and series in the path must be UIDs (digits and dots, at most 64 characters)",
                statusCode: StatusCodes.Status400BadRequest);
        }
        if (!ServedMapNames.TryParse(map, out var served))
        {
            return Results.Problem(detail: "the map must be one of suvr, z, change", statusCode: StatusCodes.Status400BadRequest);
        }
        var bytes = await store.ReadEncodedAsync(study, series, served, context.RequestAborted);
        if (bytes is null)
        {
            return Results.Problem(detail: Absent(served), statusCode: StatusCodes.Status404NotFound);
        }
        // The map is derived from the patient's images: reading it out is an instances-accessed event, like WADO-RS.
        await trail.RecordAsync(new AuditEvent(AuditEventKind.InstancesAccessed, AuditOutcome.Success, clock.GetUtcNow(),
            AuditActors.From(context), [AuditObject.Study(study)], $"map {ServedMapNames.PathName(served)} of series {series}"), context.RequestAborted);
        return Results.Bytes(bytes, MediaType, $"{ServedMapNames.PathName(served)}.nii.gz");
    }

    private static string Absent(ServedMap map) => map switch
    {
        ServedMap.Z => "no z map for this series: it was not measured, or the normative database has no voxel statistics",
        ServedMap.Change => "no change map for this series: it was not measured, or the patient has no baseline study with a map",
        _ => "no SUVR map for this series: it was not measured, or parametric maps are not written (AmpaCds:Quantification:WriteParametricMaps)",
    };
}
