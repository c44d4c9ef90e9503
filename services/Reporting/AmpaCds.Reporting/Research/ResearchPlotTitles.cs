namespace AmpaCds.Reporting.Research;

/// <summary>The caption of each plot `cohort analyze` writes (its analysis's title); an unknown name is shown as it is.</summary>
public static class ResearchPlotTitles
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["group-comparison"] = "analysis.group",
        ["severity"] = "analysis.severity",
        ["ketamine-change"] = "analysis.change",
        ["ketamine-change-vs-improvement"] = "analysis.change-vs-improvement",
        ["ketamine-vs-placebo"] = "analysis.arms",
        ["baseline-prediction"] = "analysis.prediction",
    };

    /// <summary>The text key of the plot's caption, or null for a name the CLI does not write.</summary>
    public static string? Key(string plotName) => Keys.GetValueOrDefault(plotName);
}
