using System.Text.RegularExpressions;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Tests.Portal;

/// <summary>The Razor report: what a psychiatrist reads, in both languages, and what it must never show.</summary>
public sealed partial class ReportViewTests
{
    [Fact]
    public async Task The_report_shows_forecast_interval_drivers_model_regions_and_intended_use()
    {
        var html = Squash(await ReportRendering.RenderAsync(StudyRecords.Complete(), UiLanguage.English));
        Assert.Contains("data-testid=\"probability\">37.0%</strong>", html, StringComparison.Ordinal);
        Assert.Contains("90 % interval 21.0% to 55.0%", html, StringComparison.Ordinal);
        Assert.Contains("-22.5 %", html, StringComparison.Ordinal);
        Assert.Contains("90 % interval -40.0 % to -5.0 %", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Lateral habenula</th><td class=\"num\">-1.80</td><td class=\"num\">+0.62</td><td>toward response</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Frontal cortex</th><td class=\"num\">+0.40</td><td class=\"num\">-0.11</td><td>away from response</td>", html, StringComparison.Ordinal);
        Assert.Contains("k2-response-1.0.0+abcdef12", html, StringComparison.Ordinal);
        Assert.Contains("trained on 400 synthetic patients", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Lateral habenula</th><td class=\"num\">1.500</td><td class=\"num\">0.940</td><td class=\"num\">-2.40</td><td class=\"num\">98%</td>", html, StringComparison.Ordinal);
        Assert.Contains("Research use only.", html, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", html, StringComparison.Ordinal);
        Assert.Contains("SIMULATED controls", html, StringComparison.Ordinal);
        Assert.Contains("Normalisation index 50%: 1 of 2 regions", html, StringComparison.Ordinal);
        Assert.Contains("src=\"fig/ZScoreChart.png\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"fig/ChangeSlices.png\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Unreliable input", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_japanese_report_translates_labels_and_regions_and_shows_the_kanji_name()
    {
        var study = StudyRecords.Complete("Yamada^Taro=山田^太郎=やまだ^たろう");
        var html = Squash(await ReportRendering.RenderAsync(study, UiLanguage.Japanese));
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("ケタミン反応性の予測（探索的）", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">外側手綱核</th>", html, StringComparison.Ordinal);
        Assert.Contains("山田 太郎（Yamada, Taro）", html, StringComparison.Ordinal);
        Assert.Contains("研究用途のみ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Frontal cortex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_registration_shows_the_banner_and_withholds_every_forecast_number()
    {
        var study = StudyRecords.Complete();
        study = study with { Uptake = study.Uptake! with { Registration = study.Uptake.Registration with { Passed = false, Similarity = 0.61 } } };
        var html = Squash(await ReportRendering.RenderAsync(study, UiLanguage.English));
        Assert.Contains("Unreliable input", html, StringComparison.Ordinal);
        Assert.Contains("Forecast withheld", html, StringComparison.Ordinal);
        Assert.Contains("similarity to the template 0.610 is below the pass mark 0.85", html, StringComparison.Ordinal);
        Assert.DoesNotContain("37.0%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-22.5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ForecastInterval.png", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_values_are_encoded()
    {
        var html = await ReportRendering.RenderAsync(StudyRecords.Complete("<script>alert(1)</script>"), UiLanguage.English);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_trained_on_patients_carries_no_synthetic_warning()
    {
        var study = StudyRecords.Complete();
        study = study with { Forecast = study.Forecast! with { ModelTrainedOnSyntheticData = false } };
        Assert.DoesNotContain("The forecasting model was trained on SYNTHETIC", await ReportRendering.RenderAsync(study, UiLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_has_both_languages_and_no_key_is_defined_twice()
    {
        var entries = UiText.All.ToList();
        Assert.All(entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.English) || string.IsNullOrWhiteSpace(entry.Japanese), entry.Key));
        Assert.Equal(entries.Count, entries.Select(entry => entry.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(StoredRegionNames, name => Assert.NotEqual(name, UiText.Region(name, UiLanguage.Japanese)));
    }

    private static readonly string[] StoredRegionNames = [.. AmpaCds.Imaging.Atlas.BuiltInAtlas.RegionNames];

    private static string Squash(string html) => Whitespace().Replace(System.Net.WebUtility.HtmlDecode(html), " ").Replace("> <", "><", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
