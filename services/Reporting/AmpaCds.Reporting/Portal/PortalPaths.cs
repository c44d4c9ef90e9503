namespace AmpaCds.Reporting.Portal;

/// <summary>The portal's addresses, in one place so pages, endpoints and tests agree.</summary>
public static class PortalPaths
{
    public const string Root = "/portal";
    public const string Worklist = Root;
    public const string Events = Root + "/events";
    public const string Language = Root + "/language";
    public const string SignOut = Root + "/signout";
    public const string Assets = Root + "/assets";
    public const string Ops = Root + "/ops";
    public const string OpsReplay = Ops + "/dead-letters/replay";

    public const string Research = Root + "/research";

    public static string Asset(string name) => $"{Assets}/{name}";

    public static string Study(string studyUid) => $"{Root}/studies/{Uri.EscapeDataString(studyUid)}";

    public static string RequestForecast(string studyUid) => Study(studyUid) + "/forecast";

    public static string RecordOutcome(string studyUid) => Study(studyUid) + "/outcome";

    public static string Pdf(string studyUid, string lang) => Study(studyUid) + "/report.pdf?lang=" + lang;

    public static string Html(string studyUid, string lang) => Study(studyUid) + "/report.html?lang=" + lang;

    public static string Figure(string studyUid, int version, Figures.ReportFigure figure, string lang) =>
        $"{Study(studyUid)}/figures/v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{figure}.png?lang={lang}";

    public static string ResearchAnalysis(Guid analysisId) => $"{Research}/analyses/{analysisId}";

    /// <summary>A plot beside the analysis's summary page, whose images name it as "NAME.png".</summary>
    public static string ResearchPlot(Guid analysisId, string name) => $"{ResearchAnalysis(analysisId)}/{Uri.EscapeDataString(name)}.png";

    public static string ResearchSummary(Guid analysisId) => $"{ResearchAnalysis(analysisId)}/summary.html";

    /// <summary>The "v3" segment of a figure address.</summary>
    public static bool TryParseVersion(string segment, out int version)
    {
        version = 0;
        return segment is ['v', .. var digits]
            && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
