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
        Assert.Contains("<td>lateral habenula</td><td>1.500</td><td>0.940</td><td>66</td><td>98.0 %</td>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(IntendedUse.Statement), html, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", html, StringComparison.Ordinal);
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
