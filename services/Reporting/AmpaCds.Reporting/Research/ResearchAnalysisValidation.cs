using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AmpaCds.Reporting.Research;

/// <summary>Checks a published analysis before it is stored; each refusal names the part and the limit.</summary>
public static partial class ResearchAnalysisValidation
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <exception cref="ResearchAnalysisException">The analysis is too large or malformed.</exception>
    public static void Check(NewResearchAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (string.IsNullOrWhiteSpace(analysis.Title) || analysis.Title.Trim().Length > ResearchLimits.MaxTitleLength)
        {
            throw Fail($"title must be 1 to {ResearchLimits.MaxTitleLength} characters");
        }
        if (!Sha256Hex().IsMatch(analysis.CohortSha256))
        {
            throw Fail("cohort_sha256 must be the cohort file's SHA-256 as 64 lowercase hex digits");
        }
        var html = Encoding.UTF8.GetByteCount(analysis.SummaryHtml);
        if (html == 0 || html > ResearchLimits.MaxSummaryHtmlBytes)
        {
            throw Fail(Invariant($"summary_html is {html} bytes: it must be 1 to {ResearchLimits.MaxSummaryHtmlBytes}"));
        }
        var json = Encoding.UTF8.GetByteCount(analysis.ResultJson);
        if (json > ResearchLimits.MaxResultJsonBytes)
        {
            throw Fail(Invariant($"result_json is {json} bytes, over the limit of {ResearchLimits.MaxResultJsonBytes}"));
        }
        // The research page's table is read from the result: one the page cannot read is refused now, not shown broken later.
        ResearchHeadline.Parse(analysis.ResultJson);
        CheckPlots(analysis.Plots);
        long total = html + json + analysis.Plots.Sum(plot => (long)plot.Png.Length);
        if (total > ResearchLimits.MaxTotalBytes)
        {
            throw Fail(Invariant($"the analysis is {total} bytes in all, over the limit of {ResearchLimits.MaxTotalBytes}"));
        }
    }

    private static void CheckPlots(IReadOnlyList<ResearchPlot> plots)
    {
        if (plots.Count > ResearchLimits.MaxPlots)
        {
            throw Fail(Invariant($"{plots.Count} plots, over the limit of {ResearchLimits.MaxPlots}"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plot in plots)
        {
            if (!PlotName().IsMatch(plot.Name) || plot.Name.Length > Persistence.ReportingDbContext.PlotNameLength)
            {
                throw Fail($"plot name '{plot.Name}' must be 1 to {Persistence.ReportingDbContext.PlotNameLength} lowercase letters, digits and '-'");
            }
            if (!names.Add(plot.Name))
            {
                throw Fail($"plot '{plot.Name}' is given twice");
            }
            if (plot.Png.Length > ResearchLimits.MaxPlotBytes)
            {
                throw Fail(Invariant($"plot '{plot.Name}' is {plot.Png.Length} bytes, over the limit of {ResearchLimits.MaxPlotBytes}"));
            }
            if (!plot.Png.AsSpan().StartsWith(PngSignature))
            {
                throw Fail($"plot '{plot.Name}' is not a PNG image");
            }
        }
    }

    private static ResearchAnalysisException Fail(string reason) => new(reason);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PlotName();
}
