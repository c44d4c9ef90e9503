using System.Globalization;
using AmpaCds.Reporting.Operations;
using AmpaCds.Reporting.Operations.DeadLetters;
using AmpaCds.Reporting.Portal.Components.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Reporting.Portal;

/// <summary>The operations page (role ops) and its replay form. The form answers with a redirect, so a reload does not replay again.</summary>
public sealed partial class OpsPages(OperationsOverviewSource overview, IDeadLetterQueues deadLetters, BrokerQueueSampler sampler, PortalPageContexts pages,
    PortalRenderer renderer, ILogger<OpsPages> logger)
{
    public async Task<IResult> PageAsync(HttpContext context, string? replayed, string? queue, string? error)
    {
        var page = pages.For(context, returnUrl: PortalPaths.Ops);
        string? message = null;
        if (error is { Length: > 0 })
        {
            message = page.Format.F("ops.dead-letters.failed", error);
        }
        else if (int.TryParse(replayed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && queue is { Length: > 0 })
        {
            message = page.Format.F("ops.dead-letters.replayed", count, queue);
        }
        return await renderer.PageAsync<OpsPage>(new Dictionary<string, object?>
        {
            [nameof(OpsPage.Page)] = page,
            [nameof(OpsPage.Overview)] = await overview.ReadAsync(context.RequestAborted),
            [nameof(OpsPage.Message)] = message,
        });
    }

    public async Task<IResult> ReplayAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var queue = form["queue"].ToString().Trim();
        var ids = form["messageId"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).ToList();
        try
        {
            var replay = await deadLetters.ReplayAsync(queue, ids, context.RequestAborted);
            LogReplayed(context.User.Identity?.Name ?? "unknown", replay.Replayed, queue);
            await sampler.SampleAsync(context.RequestAborted);
            return Results.Redirect($"{PortalPaths.Ops}?replayed={replay.Replayed.ToString(CultureInfo.InvariantCulture)}&queue={Uri.EscapeDataString(queue)}");
        }
        catch (Exception failure) when (failure is DeadLetterException or DeadLettersUnavailableException)
        {
            return Results.Redirect($"{PortalPaths.Ops}?error={Uri.EscapeDataString(failure.Message)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{User} replayed {Replayed} dead letters of queue {Queue} from the ops page")]
    private partial void LogReplayed(string user, int replayed, string queue);
}
