using AmpaCds.Reporting.Research;

namespace AmpaCds.Reporting.Tests.Research;

/// <summary>The research page's table as read from the result JSON: values, named floating-point literals, the adjusted q, refusals.</summary>
public sealed class ResearchHeadlineTests
{
    [Fact]
    public void Reads_counts_and_each_regions_effect_from_the_json()
    {
        var headline = ResearchHeadline.Parse(ResearchAnalyses.ResultJson());

        Assert.Equal(new ResearchCounts(49, 34, 17, 17, 17, 16), headline.Counts);
        Assert.Equal((0.05, false), (headline.FdrLevel, headline.Covariates));
        Assert.Equal(new HeadlineRegion("parietal_cortex", 0.04, 0.6612, 0.2094, 1.1131, 0.0166, null), headline.Regions[0]);
        Assert.Equal(new HeadlineRegion("putamen", -0.05, -0.2649, -0.7031, 0.1733, 0.372, null), headline.Regions[1]);
    }

    [Fact]
    public void With_covariates_significance_is_read_from_the_adjusted_q()
    {
        var headline = ResearchHeadline.Parse(ResearchAnalyses.ResultJson(covariates: true));

        Assert.True(headline.Covariates);
        Assert.Equal((0.0251, 0.0251), (headline.Regions[0].AdjustedQ, headline.Regions[0].SignificanceQ));
        Assert.Equal(0.41, headline.Regions[1].SignificanceQ);
    }

    [Fact]
    public void A_value_written_as_NaN_is_read_as_NaN()
    {
        var json = ResearchAnalyses.ResultJson().Replace("\"g\": -0.2649", "\"g\": \"NaN\"", StringComparison.Ordinal);

        Assert.True(double.IsNaN(ResearchHeadline.Parse(json).Regions[1].G));
    }

    [Theory]
    [InlineData("not json", "is not the JSON of `cohort analyze --json`")]
    [InlineData("{\"counts\": {}, \"fdrLevel\": 0.05}", "no 'groupComparison'")]
    [InlineData("{\"counts\": {\"healthy\": 1}, \"fdrLevel\": 0.05, \"groupComparison\": []}", "no 'trd'")]
    [InlineData("{\"counts\": {\"healthy\": 1, \"trd\": 2, \"ketamine\": 0, \"placebo\": 0, \"ketamineWithFollowUp\": 0, \"placeboWithFollowUp\": 0}, \"fdrLevel\": 0.05, \"groupComparison\": [{\"region\": \"x\", \"difference\": \"big\"}]}", "'difference' is not a number")]
    public void A_result_the_page_cannot_read_is_refused_naming_what_is_missing(string json, string reason)
    {
        var error = Assert.Throws<ResearchAnalysisException>(() => ResearchHeadline.Parse(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
