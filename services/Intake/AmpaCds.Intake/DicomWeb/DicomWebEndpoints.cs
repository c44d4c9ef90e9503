using System.Text.Json;
using System.Text.Json.Nodes;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>Maps STOW-RS and QIDO-RS under /dicomweb on the Intake host's HTTP endpoint.</summary>
public static class DicomWebEndpoints
{
    public const string Root = "/dicomweb";

    public static IEndpointRouteBuilder MapIntakeDicomWeb(this IEndpointRouteBuilder endpoints)
    {
        // PACS systems and their administrators store and look up studies here; psychiatrists read reports
        // through the gateway, not the raw instances.
        var group = endpoints.MapGroup(Root).RequireRoles(Roles.PacsAdmin, Roles.Service);
        // Responses are DICOM JSON only; a client that accepts only XML learns it at once (PS3.18 8.7.5).
        group.AddEndpointFilter(async (context, next) => DicomJson.IsAcceptable(context.HttpContext.Request)
            ? await next(context)
            : Results.Problem(detail: $"only {DicomJson.MediaType} responses are produced", statusCode: StatusCodes.Status406NotAcceptable));
        group.AddEndpointFilter<DicomWebAuditFilter>();
        group.MapPost("/studies", (HttpContext context, StowService stow) => StoreAsync(context, stow, null));
        group.MapPost("/studies/{study}", (HttpContext context, StowService stow, string study) => StoreAsync(context, stow, study));
        group.MapGet("/studies", (HttpContext context, QidoSearch search, IOptions<IntakeOptions> options) =>
            Search(() => search.Studies(QidoQuery.Parse(context.Request.Query, options.Value.DicomWeb.MaxResults))));
        group.MapGet("/series", (HttpContext context, QidoSearch search, IOptions<IntakeOptions> options) =>
            Search(() => search.Series(QidoQuery.Parse(context.Request.Query, options.Value.DicomWeb.MaxResults))));
        group.MapGet("/studies/{study}/series", (HttpContext context, QidoSearch search, IOptions<IntakeOptions> options, string study) =>
            Search(() => search.Series(QidoQuery.Parse(context.Request.Query, options.Value.DicomWeb.MaxResults).ForStudy(study))));
        endpoints.MapIntakeWado();
        return endpoints;
    }

    private static async Task<IResult> StoreAsync(HttpContext context, StowService stow, string? study)
    {
        try
        {
            var outcomes = await stow.StoreAsync(context.Request, study, context.RequestAborted);
            var request = context.Request;
            var studiesUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Root}/studies";
            return Json(StowResponse.Body(outcomes, studiesUrl, study), StowResponse.StatusCode(outcomes));
        }
        catch (DicomWebRequestException refused)
        {
            return Results.Problem(detail: refused.Message, statusCode: refused.StatusCode);
        }
    }

    private static IResult Search(Func<QidoPage> search)
    {
        try
        {
            var page = search();
            return new QidoResult(page);
        }
        catch (DicomWebRequestException refused)
        {
            return Results.Problem(detail: refused.Message, statusCode: refused.StatusCode);
        }
    }

    private static IResult Json(JsonNode body, int statusCode) =>
        Results.Text(body.ToJsonString(JsonOptions), DicomJson.MediaType, statusCode: statusCode);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An array of matches; a Warning header tells the client more results exist past the limit (PS3.18 8.3.4.4).</summary>
    private sealed class QidoResult(QidoPage page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (page.HasMore)
            {
                httpContext.Response.Headers.Warning = "299 AmpaCds: There are additional results that can be requested";
            }
            return Json(new JsonArray([.. page.Results]), StatusCodes.Status200OK).ExecuteAsync(httpContext);
        }
    }
}
