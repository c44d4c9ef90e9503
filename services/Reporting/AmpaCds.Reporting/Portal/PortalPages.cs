using System.Text;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Audit;
using AmpaCds.Reporting.Portal.Components.Pages;
using AmpaCds.Reporting.Studies;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>The portal's GET handlers: pages, exports and figures.</summary>
public sealed class PortalPages(PortalStudies studies, PortalPageContexts pages, PortalRenderer renderer, IReportFigures figures, ReportExport export,
    PacsOutbox.PacsDeliveryQuery pacsDeliveries, TimeProvider clock)
{
    public async Task<IResult> WorklistAsync(HttpContext context, string? q, string? from, string? to, string? stage)
    {
        var filter = WorklistFilter.Parse(q, from, to, stage);
        var list = await studies.WorklistAsync(context, filter);
        return await PageAsync<WorklistPage>(new Dictionary<string, object?>
        {
            [nameof(WorklistPage.Page)] = pages.For(context),
            [nameof(WorklistPage.Filter)] = filter,
            [nameof(WorklistPage.Studies)] = list,
        });
    }

    public async Task<IResult> StudyAsync(HttpContext context, string studyUid, string? message = null, string? error = null, int status = 200)
    {
        var (lookup, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null)
        {
            return await RefusalAsync(context, lookup);
        }
        var page = pages.For(context, returnUrl: HttpMethods.IsGet(context.Request.Method) ? null : PortalPaths.Study(study.StudyInstanceUid));
        var lang = page.Format.Language.Code();
        if (study.Stage == Contracts.Reporting.PipelineStage.Reported && study.ReadyToRender)
        {
            await studies.RecordAsync(context, AuditEventKind.ReportViewed, StudyAuditObjects.Of(study), "portal report page");
        }
        return await PageAsync<StudyPage>(new Dictionary<string, object?>
        {
            [nameof(StudyPage.Page)] = page,
            [nameof(StudyPage.Study)] = study,
            [nameof(StudyPage.Figures)] = (Func<ReportFigure, string?>)(figure =>
                FigureAvailability.Applies(study, figure) && study.ReportVersion is { } version ? PortalPaths.Figure(study.StudyInstanceUid, version, figure, lang) : null),
            [nameof(StudyPage.Message)] = message,
            [nameof(StudyPage.Error)] = error,
            [nameof(StudyPage.Deliveries)] = await pacsDeliveries.ListAsync(study.StudyInstanceUid, null, PacsOutbox.PacsDeliveryQuery.DefaultLimit, context.RequestAborted),
        }, status);
    }

    public async Task<IResult> FigureAsync(HttpContext context, string studyUid, string versionSegment, string figure)
    {
        if (!Enum.TryParse<ReportFigure>(figure, ignoreCase: false, out var kind) || !PortalPaths.TryParseVersion(versionSegment, out var version))
        {
            return Results.NotFound();
        }
        var (_, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null || study.ReportVersion != version)
        {
            // An older version's figures are not kept apart from the maps they came from; the page links the current one.
            return Results.NotFound();
        }
        var png = await figures.GetPngAsync(study, kind, PortalLanguage.Resolve(context.Request), context.RequestAborted);
        if (png is null)
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Bytes(png, "image/png");
    }

    public async Task<IResult> HtmlExportAsync(HttpContext context, string studyUid)
    {
        var (lookup, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null || !study.ReadyToRender)
        {
            return study is null ? await RefusalAsync(context, lookup) : Results.Conflict("report not ready");
        }
        var language = PortalLanguage.Resolve(context.Request);
        var html = await export.RenderHtmlAsync(study, language, context.RequestAborted);
        await studies.RecordAsync(context, AuditEventKind.ReportExported, StudyAuditObjects.Of(study), $"portal HTML export ({language.Code()})");
        return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"ampacds-report-{study.StudyInstanceUid}-{language.Code()}.html");
    }

    public async Task<IResult> PdfExportAsync(HttpContext context, string studyUid)
    {
        var (lookup, study) = await studies.FindTreatedAsync(context, studyUid);
        if (study is null || !study.ReadyToRender)
        {
            return study is null ? await RefusalAsync(context, lookup) : Results.Conflict("report not ready");
        }
        var language = PortalLanguage.Resolve(context.Request);
        var pdf = await Pdf.ReportPdfWriter.RenderAsync(study, language, figures, clock.GetUtcNow(), context.RequestAborted);
        await studies.RecordAsync(context, AuditEventKind.ReportExported, StudyAuditObjects.Of(study), $"portal PDF export ({language.Code()})");
        return Results.File(pdf, "application/pdf", $"ampacds-report-{study.StudyInstanceUid}-{language.Code()}.pdf");
    }

    public async Task<IResult> RefusalAsync(HttpContext context, PortalStudies.Lookup lookup)
    {
        var page = pages.For(context);
        var (title, text, status) = lookup == PortalStudies.Lookup.Refused
            ? ("portal.forbidden.title", "portal.forbidden.text", StatusCodes.Status403Forbidden)
            : ("portal.notfound.title", "portal.notfound.text", StatusCodes.Status404NotFound);
        return await MessageAsync(page, page.Format.T(title), page.Format.T(text), status);
    }

    public Task<IResult> MessageAsync(PortalPageContext page, string title, string text, int status) =>
        PageAsync<MessagePage>(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Page)] = page,
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Text)] = text,
        }, status);

    private Task<IResult> PageAsync<TPage>(Dictionary<string, object?> parameters, int status = 200) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        renderer.PageAsync<TPage>(parameters, status);
}
