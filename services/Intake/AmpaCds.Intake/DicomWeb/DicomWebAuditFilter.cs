using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// Records QIDO-RS searches (Query, with the query string as the query object and the patient when the query
/// names one) and WADO-RS retrievals (Instances Accessed, with the study) once the handler has decided to answer
/// them. Refusals (4xx problems) are not recorded here; authentication and authorization refusals are the
/// security middleware's to record. STOW-RS is recorded with the series' announcement (SeriesAnnouncer).
/// </summary>
public sealed class DicomWebAuditFilter(IAuditTrail trail, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || result is not IResult answer || answer is IStatusCodeHttpResult { StatusCode: >= 400 })
        {
            return result;
        }
        // The only GET answers in the two DICOMweb groups: WADO-RS results, and otherwise a QIDO-RS page.
        var auditEvent = answer is WadoMultipartResult or WadoMetadataResult ? Retrieval(http) : Search(http);
        await trail.RecordAsync(auditEvent, http.RequestAborted);
        return result;
    }

    private AuditEvent Retrieval(HttpContext http)
    {
        var study = http.Request.RouteValues["study"]?.ToString() ?? "";
        return new AuditEvent(AuditEventKind.InstancesAccessed, AuditOutcome.Success, clock.GetUtcNow(), AuditActors.From(http),
            [AuditObject.Study(study)], $"WADO-RS {http.Request.Path}");
    }

    private AuditEvent Search(HttpContext http)
    {
        var objects = new List<AuditObject>();
        if (http.Request.Query.TryGetValue("PatientID", out var patient) && !string.IsNullOrEmpty(patient.ToString()))
        {
            objects.Add(AuditObject.Patient(patient.ToString()));
        }
        if (http.Request.RouteValues["study"]?.ToString() is { Length: > 0 } study)
        {
            objects.Add(AuditObject.Study(study));
        }
        // The query (which may hold patient attributes) goes as the query object, never in the detail.
        objects.Add(new AuditObject(AuditObjectKind.Query, http.Request.Path, http.Request.QueryString.Value ?? ""));
        return new AuditEvent(AuditEventKind.Query, AuditOutcome.Success, clock.GetUtcNow(), AuditActors.From(http), objects, "QIDO-RS");
    }
}
