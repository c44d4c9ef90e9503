using System.Globalization;

namespace AmpaCds.Reporting.Studies;

/// <summary>Blob keys of rendered reports: one per version, so an older version stays readable.</summary>
public static class ReportKeys
{
    public static string For(string studyInstanceUid, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"reports/{studyInstanceUid}/v{version}.html");
}
