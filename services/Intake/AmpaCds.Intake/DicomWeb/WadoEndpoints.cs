using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// WADO-RS (PS3.18 10.4) under /dicomweb: the stored instances of a study, series or instance as
/// multipart/related; type="application/dicom", and their metadata as DICOM JSON. These are the
/// RetrieveURLs the STOW-RS response hands out.
/// </summary>
public static class WadoEndpoints
{
    public static IEndpointRouteBuilder MapIntakeWado(this IEndpointRouteBuilder endpoints)
    {
        // A group of its own: the STOW/QIDO group's filter demands DICOM JSON in Accept, which would refuse
        // every instance retrieval; here WadoAccept (instances) and DicomJson (metadata) decide.
        var group = endpoints.MapGroup(DicomWebEndpoints.Root).RequireRoles(Roles.PacsAdmin, Roles.Service);
        group.AddEndpointFilter<DicomWebAuditFilter>();
        group.MapGet("/studies/{study}", (HttpContext context, WadoRetrieve wado, string study) =>
            InstancesAsync(context, wado, () => WadoTarget.Parse(study)));
        group.MapGet("/studies/{study}/series/{series}", (HttpContext context, WadoRetrieve wado, string study, string series) =>
            InstancesAsync(context, wado, () => WadoTarget.Parse(study, series)));
        group.MapGet("/studies/{study}/series/{series}/instances/{sop}", (HttpContext context, WadoRetrieve wado, string study, string series, string sop) =>
            InstancesAsync(context, wado, () => WadoTarget.Parse(study, series, sop)));
        group.MapGet("/studies/{study}/metadata", (HttpContext context, WadoRetrieve wado, string study) =>
            MetadataAsync(context, wado, () => WadoTarget.Parse(study)));
        group.MapGet("/studies/{study}/series/{series}/metadata", (HttpContext context, WadoRetrieve wado, string study, string series) =>
            MetadataAsync(context, wado, () => WadoTarget.Parse(study, series)));
        group.MapGet("/studies/{study}/series/{series}/instances/{sop}/metadata", (HttpContext context, WadoRetrieve wado, string study, string series, string sop) =>
            MetadataAsync(context, wado, () => WadoTarget.Parse(study, series, sop)));
        return endpoints;
    }

    // Checks run in the order a client can fix them: the path (400), what exists (404), then what it accepts (406).
    private static async Task<IResult> InstancesAsync(HttpContext context, WadoRetrieve wado, Func<WadoTarget> target)
    {
        try
        {
            var files = await wado.FindAsync(target(), context.RequestAborted);
            var parts = await wado.PlanAsync(files, WadoAccept.AcceptedSyntaxes(context.Request), context.RequestAborted);
            return new WadoMultipartResult(parts, wado.Logger);
        }
        catch (DicomWebRequestException refused)
        {
            return wado.Refuse(context, refused);
        }
    }

    private static async Task<IResult> MetadataAsync(HttpContext context, WadoRetrieve wado, Func<WadoTarget> target)
    {
        try
        {
            var files = await wado.FindAsync(target(), context.RequestAborted);
            if (!DicomJson.IsAcceptable(context.Request))
            {
                throw new DicomWebRequestException(StatusCodes.Status406NotAcceptable,
                    $"Accept '{context.Request.Headers.Accept}' excludes {DicomJson.MediaType}, the only metadata form Intake produces");
            }
            return new WadoMetadataResult(files, wado.Logger);
        }
        catch (DicomWebRequestException refused)
        {
            return wado.Refuse(context, refused);
        }
    }
}
