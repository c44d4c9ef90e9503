using System.Text.Json;
using System.Threading.Channels;
using AmpaCds.Reporting.Persistence;
using AmpaCds.Reporting.Studies;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// Server-sent events of stage changes for the studies the signed-in psychiatrist may see: the worklist and a waiting
/// study page update without polling. Only the study UID, stage, detail and time travel; no patient data.
/// </summary>
public sealed class PortalEvents(StudyStageNotifications notifications, StudyRepository studies, PortalStudies access)
{
    public async Task StreamAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changes = Channel.CreateBounded<StageChange>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        void Forward(StageChange change) => changes.Writer.TryWrite(change);
        notifications.StageChanged += Forward;
        try
        {
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            var visible = new Dictionary<string, bool>(StringComparer.Ordinal);
            // A study page says which study it shows: its current stage goes first, read after subscribing, so a change
            // made while the page was loading (between its render and this connection) is never lost.
            if (context.Request.Query["study"].ToString() is { Length: > 0 } watched
                && await FindVisibleAsync(context, watched) is { } current)
            {
                visible[watched] = true;
                await WriteAsync(context, new StageChange(current.StudyInstanceUid, current.Stage, current.StageDetail, current.UpdatedAt));
            }
            while (!context.RequestAborted.IsCancellationRequested)
            {
                var change = await changes.Reader.ReadAsync(context.RequestAborted);
                if (!visible.TryGetValue(change.StudyInstanceUid, out var maySee))
                {
                    // Looked up once per study and connection: care-team membership does not change while a page is open.
                    maySee = await FindVisibleAsync(context, change.StudyInstanceUid) is not null;
                    visible[change.StudyInstanceUid] = maySee;
                }
                if (maySee)
                {
                    await WriteAsync(context, change);
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The browser left the page.
        }
        finally
        {
            notifications.StageChanged -= Forward;
        }
    }

    private async Task<StudyRecord?> FindVisibleAsync(HttpContext context, string studyInstanceUid)
    {
        StudyRecord? study;
        try
        {
            study = await studies.FindAsync(studyInstanceUid, context.RequestAborted);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return study is not null && access.MaySeeStage(context.User, study) ? study : null;
    }

    private static async Task WriteAsync(HttpContext context, StageChange change)
    {
        var data = JsonSerializer.Serialize(new
        {
            study = change.StudyInstanceUid,
            stage = change.Stage.ToString(),
            detail = change.Detail,
            at = change.At.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        });
        await context.Response.WriteAsync($"event: stage\ndata: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
