using AmpaCds.Reporting.Portal.Components.Pages;
using AmpaCds.Reporting.Research;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>The research page (role researcher): the latest or a chosen published analysis, its plots and its summary page.</summary>
public sealed class ResearchPages(ResearchAnalysisStore store, PortalPageContexts pages, PortalRenderer renderer)
{
    /// <summary>The summary page is the CLI's HTML: shown in a sandbox (no script, no forms), with its inline style and the plots beside it.</summary>
    private const string SummaryPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    public async Task<IResult> PageAsync(HttpContext context, string? analysisId)
    {
        var page = pages.For(context);
        var analyses = await store.ListAsync(ResearchLimits.MaxListLimit, context.RequestAborted);
        // The page shows the description and the table from the result JSON; the plots come by URL, so their images are not read here.
        ResearchAnalysisInfo? current;
        if (analysisId is null)
        {
            current = analyses.Count > 0 ? analyses[0] : null;
        }
        else
        {
            current = Guid.TryParse(analysisId, out var id) ? await store.InfoAsync(id, context.RequestAborted) : null;
            if (current is null)
            {
                return await renderer.PageAsync<MessagePage>(new Dictionary<string, object?>
                {
                    [nameof(MessagePage.Page)] = page,
                    [nameof(MessagePage.Title)] = page.Format.T("research.notfound.title"),
                    [nameof(MessagePage.Text)] = page.Format.T("research.notfound.text"),
                }, StatusCodes.Status404NotFound);
            }
        }

        ResearchHeadline? headline = null;
        string? unreadable = null;
        if (current is not null && await store.ResultJsonAsync(current.Id, context.RequestAborted) is { } resultJson)
        {
            try
            {
                headline = ResearchHeadline.Parse(resultJson);
            }
            catch (ResearchAnalysisException error)
            {
                unreadable = error.Message;
            }
        }
        return await renderer.PageAsync<ResearchPage>(new Dictionary<string, object?>
        {
            [nameof(ResearchPage.Page)] = page,
            [nameof(ResearchPage.View)] = new ResearchView(current, headline, unreadable, analyses),
        });
    }

    public async Task<IResult> PlotAsync(HttpContext context, string analysisId, string plot)
    {
        var png = Guid.TryParse(analysisId, out var id) ? await store.PlotAsync(id, plot, context.RequestAborted) : null;
        return png is null ? Results.NotFound() : Results.Bytes(png, "image/png");
    }

    public async Task<IResult> SummaryAsync(HttpContext context, string analysisId)
    {
        var html = Guid.TryParse(analysisId, out var id) ? await store.SummaryHtmlAsync(id, context.RequestAborted) : null;
        if (html is null)
        {
            return Results.NotFound();
        }
        context.Response.Headers.ContentSecurityPolicy = SummaryPolicy;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
