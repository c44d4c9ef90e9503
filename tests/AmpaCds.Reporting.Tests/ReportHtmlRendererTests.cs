using AmpaCds.Reporting.Rendering;

namespace AmpaCds.Reporting.Tests;

public sealed class ReportHtmlRendererTests
{
    [Fact]
    public void TheReportShowsForecastModelRegionsAndIntendedUse()
    {
        var html = ReportHtmlRenderer.Render(StudyRecords.Complete(), DateTimeOffset.UnixEpoch);
        Assert.Contains("37.0 %", html, StringComparison.Ordinal);
        Assert.Contains("-22.5 %", html, StringComparison.Ordinal);
        Assert.Contains("k2-response-1.0.0+abcdef12", html, StringComparison.Ordinal);
        Assert.Contains("<td>lateral habenula</td><td>1.500</td><td>0.940</td><td>-2.40</td><td>66</td><td>98.0 %</td>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(IntendedUse.Statement), html, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UncertaintyExplanationAndModelCardAreShown()
    {
        var html = ReportHtmlRenderer.Render(StudyRecords.Complete(), DateTimeOffset.UnixEpoch);
        Assert.Contains("37.0 % (90 % interval 21.0 % to 55.0 %)", html, StringComparison.Ordinal);
        Assert.Contains("-22.5 % (90 % interval -40.0 % to -5.0 %)", html, StringComparison.Ordinal);
        Assert.Contains("<td>lateral habenula</td><td>-1.80</td><td>+0.62</td><td>toward response</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>frontal cortex</td><td>+0.40</td><td>-0.11</td><td>away from response</td>", html, StringComparison.Ordinal);
        Assert.Contains("platt", html, StringComparison.Ordinal);
        Assert.Contains("trained on 400 synthetic patients", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ZScoresFromASyntheticDatabaseCarryAWarningAndFollowUpChangeIsShown()
    {
        var html = ReportHtmlRenderer.Render(StudyRecords.Complete(), DateTimeOffset.UnixEpoch);
        Assert.Contains("normdb-synthetic-1 (20 controls)", html, StringComparison.Ordinal);
        Assert.Contains("SIMULATED controls", html, StringComparison.Ordinal);
        Assert.Contains("Normalisation index 50.0 %: 1 of 2 regions", html, StringComparison.Ordinal);
        Assert.Contains("<td>frontal cortex</td><td>1.250</td><td>1.310</td><td>+0.060</td><td>4.8 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("(pass at ≥ 0.85)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderValuesAreEscaped()
    {
        var html = ReportHtmlRenderer.Render(StudyRecords.Complete("<script>alert(1)</script>"), DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelTrainedOnPatientsCarriesNoSyntheticWarning()
    {
        var record = StudyRecords.Complete();
        record = record with { Forecast = record.Forecast! with { ModelTrainedOnSyntheticData = false } };
        Assert.DoesNotContain("SYNTHETIC", ReportHtmlRenderer.Render(record, DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }
}
