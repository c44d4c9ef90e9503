using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Reporting.Portal;

public static class PortalEndpoints
{
    /// <summary>The portal on the gateway's HTTP port: the psychiatrist's pages, exports, figures, live events and assets; the ops and research pages.</summary>
    public static IEndpointRouteBuilder MapReportingPortal(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => Results.Redirect(PortalPaths.Worklist)).AllowAnonymous();
        // The stylesheet and script carry no patient data and are needed by the sign-in page too.
        endpoints.MapGet(PortalPaths.Assets + "/{name}", (HttpContext context, string name) => Asset(context, name)).AllowAnonymous();

        var portal = endpoints.MapGroup(PortalPaths.Root).RequirePortalRoles(Roles.Psychiatrist).AddEndpointFilter(SecurityHeaders);
        portal.MapGet("", (HttpContext context, PortalPages pages, string? q, string? from, string? to, string? stage) =>
            pages.WorklistAsync(context, q, from, to, stage));
        portal.MapGet("/studies/{studyUid}", (HttpContext context, PortalPages pages, string studyUid, string? done) =>
            pages.StudyAsync(context, studyUid, message: done == "requested" ? new ReaderFormat(PortalLanguage.Resolve(context.Request)).T("portal.request.sent") : null));
        // The version is a plain segment checked by the handler, so a malformed one is a 404 after the sign-in check, not before it.
        portal.MapGet("/studies/{studyUid}/figures/{version}/{figure}.png", (HttpContext context, PortalPages pages, string studyUid, string version, string figure) =>
            pages.FigureAsync(context, studyUid, version, figure));
        portal.MapGet("/studies/{studyUid}/report.pdf", (HttpContext context, PortalPages pages, string studyUid) => pages.PdfExportAsync(context, studyUid));
        portal.MapGet("/studies/{studyUid}/report.html", (HttpContext context, PortalPages pages, string studyUid) => pages.HtmlExportAsync(context, studyUid));
        portal.MapGet("/events", (HttpContext context, PortalEvents events) => events.StreamAsync(context));

        var forms = portal.MapGroup("").AddEndpointFilter(ValidateAntiforgery);
        forms.MapPost("/studies/{studyUid}/forecast", (HttpContext context, PortalForms actions, string studyUid) => actions.RequestForecastAsync(context, studyUid));
        forms.MapPost("/studies/{studyUid}/outcome", (HttpContext context, PortalForms actions, string studyUid) => actions.RecordOutcomeAsync(context, studyUid));
        endpoints.MapPost(PortalPaths.Language, (Delegate)PortalForms.ChooseLanguageAsync)
            .RequirePortalRoles([.. Roles.People]).AddEndpointFilter(SecurityHeaders).AddEndpointFilter(ValidateAntiforgery);

        // Operations (no patient data on these pages): readiness, queues, dead letters with replay, PACS destinations.
        var ops = endpoints.MapGroup(PortalPaths.Ops).RequirePortalRoles(Roles.Ops).AddEndpointFilter(SecurityHeaders);
        ops.MapGet("", (HttpContext context, OpsPages pages, string? replayed, string? queue, string? error) => pages.PageAsync(context, replayed, queue, error));
        ops.MapPost("/dead-letters/replay", (HttpContext context, OpsPages pages) => pages.ReplayAsync(context)).AddEndpointFilter(ValidateAntiforgery);

        // Research (de-identified cohort analyses, no patient data): the latest or a chosen analysis, its plots and summary page.
        var research = endpoints.MapGroup(PortalPaths.Research).RequirePortalRoles(Roles.Researcher).AddEndpointFilter(SecurityHeaders);
        research.MapGet("", (HttpContext context, ResearchPages pages) => pages.PageAsync(context, analysisId: null));
        research.MapGet("/analyses/{analysisId}", (HttpContext context, ResearchPages pages, string analysisId) => pages.PageAsync(context, analysisId));
        research.MapGet("/analyses/{analysisId}/{plot}.png", (HttpContext context, ResearchPages pages, string analysisId, string plot) =>
            pages.PlotAsync(context, analysisId, plot));
        research.MapGet("/analyses/{analysisId}/summary.html", (HttpContext context, ResearchPages pages, string analysisId) =>
            pages.SummaryAsync(context, analysisId));
        return endpoints;
    }

    private static IResult Asset(HttpContext context, string name)
    {
        if (PortalAssets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.ETag = asset.ETag;
        return context.Request.Headers.IfNoneMatch == asset.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static async ValueTask<object?> ValidateAntiforgery(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("The form has expired or did not come from this portal; reload the page and try again.");
        }
        return await next(invocation);
    }

    /// <summary>Pages show patient data: not framed by other sites, not cached by shared caches, scripts only from here.</summary>
    private static async ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var headers = invocation.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = headers.CacheControl.Count == 0 ? "no-store" : headers.CacheControl;
        return await next(invocation);
    }
}
