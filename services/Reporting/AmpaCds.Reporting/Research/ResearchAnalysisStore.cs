using AmpaCds.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Research;

/// <summary>Published cohort analyses in Reporting's database: stored whole in one transaction, read newest first.</summary>
public sealed class ResearchAnalysisStore(ReportingDbContext db, TimeProvider clock)
{
    /// <summary>Checks and stores the analysis; the id is new for every publication, so publishing again adds a version.</summary>
    /// <exception cref="ResearchAnalysisException">Too large or malformed (see <see cref="ResearchAnalysisValidation"/>).</exception>
    public async Task<ResearchAnalysisInfo> PublishAsync(NewResearchAnalysis analysis, string publishedBy, CancellationToken cancellationToken)
    {
        ResearchAnalysisValidation.Check(analysis);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        var row = new ResearchAnalysisEntity
        {
            Id = Guid.NewGuid(),
            Title = analysis.Title.Trim(),
            CohortSha256 = analysis.CohortSha256,
            PublishedBy = publishedBy,
            PublishedAtUtcTicks = clock.GetUtcNow().UtcTicks,
            SummaryHtml = analysis.SummaryHtml,
            ResultJson = analysis.ResultJson,
        };
        db.ResearchAnalyses.Add(row);
        db.ResearchPlots.AddRange(analysis.Plots.Select((plot, position) =>
            new ResearchPlotEntity { AnalysisId = row.Id, Name = plot.Name, Position = position, Png = plot.Png }));
        await db.SaveChangesAsync(cancellationToken);
        return Info(row, [.. analysis.Plots.Select(plot => plot.Name)]);
    }

    /// <summary>Newest first; <paramref name="limit"/> 0 or less is the default, and it is capped.</summary>
    public Task<IReadOnlyList<ResearchAnalysisInfo>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var take = limit <= 0 ? ResearchLimits.DefaultListLimit : Math.Min(limit, ResearchLimits.MaxListLimit);
        return InfosAsync(db.ResearchAnalyses.AsNoTracking().OrderByDescending(row => row.PublishedAtUtcTicks).ThenBy(row => row.Id).Take(take),
            cancellationToken);
    }

    /// <summary>One analysis' description without its content (no plot images read), or null.</summary>
    public async Task<ResearchAnalysisInfo?> InfoAsync(Guid id, CancellationToken cancellationToken) =>
        (await InfosAsync(db.ResearchAnalyses.AsNoTracking().Where(row => row.Id == id), cancellationToken)).SingleOrDefault();

    /// <summary>The result JSON as published, or null.</summary>
    public async Task<string?> ResultJsonAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ResearchAnalyses.AsNoTracking().Where(row => row.Id == id).Select(row => row.ResultJson).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The analysis with its content, or null when there is none with this id.</summary>
    public async Task<ResearchAnalysisRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.ResearchAnalyses.AsNoTracking().FirstOrDefaultAsync(item => item.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var plots = (await db.ResearchPlots.AsNoTracking().Where(plot => plot.AnalysisId == id).ToListAsync(cancellationToken))
            .OrderBy(plot => plot.Position).Select(plot => new ResearchPlot(plot.Name, plot.Png)).ToList();
        return new ResearchAnalysisRecord(Info(row, [.. plots.Select(plot => plot.Name)]), row.SummaryHtml, row.ResultJson, plots);
    }

    /// <summary>One plot's PNG, or null.</summary>
    public async Task<byte[]?> PlotAsync(Guid id, string name, CancellationToken cancellationToken) =>
        await db.ResearchPlots.AsNoTracking().Where(plot => plot.AnalysisId == id && plot.Name == name)
            .Select(plot => plot.Png).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The summary page as published, or null.</summary>
    public async Task<string?> SummaryHtmlAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ResearchAnalyses.AsNoTracking().Where(row => row.Id == id).Select(row => row.SummaryHtml).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The rows' descriptions and plot names, in the query's order; the content columns are not read.</summary>
    private async Task<IReadOnlyList<ResearchAnalysisInfo>> InfosAsync(IQueryable<ResearchAnalysisEntity> query, CancellationToken cancellationToken)
    {
        var rows = await query.Select(row => new { row.Id, row.Title, row.CohortSha256, row.PublishedBy, row.PublishedAtUtcTicks })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(row => row.Id).ToList();
        var plots = (await db.ResearchPlots.AsNoTracking().Where(plot => ids.Contains(plot.AnalysisId))
                .Select(plot => new { plot.AnalysisId, plot.Name, plot.Position }).ToListAsync(cancellationToken))
            .OrderBy(plot => plot.Position).ToLookup(plot => plot.AnalysisId, plot => plot.Name);
        return [.. rows.Select(row => new ResearchAnalysisInfo(row.Id, row.Title, row.CohortSha256, row.PublishedBy,
            new DateTimeOffset(row.PublishedAtUtcTicks, TimeSpan.Zero), [.. plots[row.Id]]))];
    }

    private static ResearchAnalysisInfo Info(ResearchAnalysisEntity row, IReadOnlyList<string> plotNames) =>
        new(row.Id, row.Title, row.CohortSha256, row.PublishedBy, new DateTimeOffset(row.PublishedAtUtcTicks, TimeSpan.Zero), plotNames);
}
