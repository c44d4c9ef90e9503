using System.Net;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Portal;
using AmpaCds.Reporting.Portal.Components.Pages;
using AmpaCds.Reporting.Research;
using AmpaCds.Reporting.Tests.Portal;

namespace AmpaCds.Reporting.Tests.Research;

/// <summary>The research page as the portal renders it: the headline table's values, direction and significance, the plots, the list.</summary>
public sealed class ResearchPageTests
{
    private static readonly ResearchAnalysisInfo Current = new(Guid.Parse("6d0f5f0e-1c1a-4e53-9d43-3f1b8e2a7c10"), "Seed 7 <study>",
        ResearchAnalyses.CohortHash, "mori", new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero), ["group-comparison", "severity"]);

    private static readonly ResearchAnalysisInfo Earlier = Current with { Id = Guid.NewGuid(), Title = "Pilot", PublishedAt = Current.PublishedAt.AddDays(-1) };

    private static Task<string> RenderAsync(UiLanguage language, bool covariates = false) =>
        ReportRendering.ComponentAsync<ResearchPage>(new Dictionary<string, object?>
        {
            [nameof(ResearchPage.Page)] = new PortalPageContext(new ReaderFormat(language), "mori", "token", PortalPaths.Research, PortalSections.Research),
            [nameof(ResearchPage.View)] = new ResearchView(Current, ResearchHeadline.Parse(ResearchAnalyses.ResultJson(covariates)), null, [Current, Earlier]),
        });

    private static string Row(string html, string region)
    {
        var start = html.IndexOf($"data-region=\"{region}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no row for {region}");
        // Decoded: the renderer's encoder writes '+' as a character reference.
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Each_region_shows_its_direction_g_with_interval_and_q_from_the_result()
    {
        var html = await RenderAsync(UiLanguage.English);

        var parietal = Row(html, "parietal_cortex");
        Assert.Contains("class=\"abnormal\"", parietal, StringComparison.Ordinal);
        Assert.Contains(">higher (significant)</td>", parietal, StringComparison.Ordinal);
        Assert.Contains(">+0.66 [+0.21, +1.11]</td>", parietal, StringComparison.Ordinal);
        Assert.Contains(">0.017</td>", parietal, StringComparison.Ordinal);
        var putamen = Row(html, "putamen");
        Assert.Contains(">lower</td>", putamen, StringComparison.Ordinal);
        Assert.Contains(">-0.26 [-0.70, +0.17]</td>", putamen, StringComparison.Ordinal);
        Assert.Contains(">0.37</td>", putamen, StringComparison.Ordinal);
        Assert.DoesNotContain("q-adjusted", html, StringComparison.Ordinal);
        Assert.Contains("49 healthy controls, 34 TRD patients (17 ketamine, 17 placebo; follow-up scans: 17 ketamine, 16 placebo).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plots_summary_and_list_link_to_the_analysis_and_the_title_is_encoded()
    {
        var html = await RenderAsync(UiLanguage.English);

        Assert.Contains($"src=\"/portal/research/analyses/{Current.Id}/group-comparison.png\" alt=\"TRD vs healthy controls (baseline SUVR)\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/portal/research/analyses/{Current.Id}/summary.html\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/portal/research/analyses/{Earlier.Id}\">Pilot</a>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Seed 7 <study>"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<study>", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-06 09:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PortalPaths.Research}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{PortalPaths.Worklist}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_japanese_with_covariates_the_adjusted_q_decides_significance()
    {
        var html = await RenderAsync(UiLanguage.Japanese, covariates: true);

        var putamen = Row(html, "putamen");
        Assert.Contains(">低い</td>", putamen, StringComparison.Ordinal);
        Assert.Contains(">0.41</td>", putamen, StringComparison.Ordinal);
        Assert.Contains(">" + UiText.Region("putamen", UiLanguage.Japanese) + "</th>", putamen, StringComparison.Ordinal);
        Assert.Contains(">0.025</td>", Row(html, "parietal_cortex"), StringComparison.Ordinal);
        Assert.Contains(">高い (有意)</td>", Row(html, "parietal_cortex"), StringComparison.Ordinal);
    }
}
