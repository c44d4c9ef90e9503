using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// The supported QIDO-RS matching keys, by keyword or tag: StudyInstanceUID and SeriesInstanceUID
/// (UID lists), PatientID, PatientName and AccessionNumber (wildcards), StudyDate (date or range),
/// Modality / ModalitiesInStudy; plus limit, offset, includefield and fuzzymatching (accepted, not used).
/// </summary>
public sealed record QidoQuery(
    IReadOnlySet<string>? StudyUids, IReadOnlySet<string>? SeriesUids,
    ValuePattern? PatientId, ValuePattern? PatientName, ValuePattern? AccessionNumber,
    DateRange? StudyDate, string? Modality, int Limit, int Offset)
{
    private static readonly Dictionary<string, string> KeywordByTag = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0020000D"] = "StudyInstanceUID", ["0020000E"] = "SeriesInstanceUID", ["00100020"] = "PatientID",
        ["00100010"] = "PatientName", ["00080050"] = "AccessionNumber", ["00080020"] = "StudyDate",
        ["00080060"] = "Modality", ["00080061"] = "ModalitiesInStudy",
    };

    private static readonly HashSet<string> Controls = new(StringComparer.OrdinalIgnoreCase) { "limit", "offset", "includefield", "fuzzymatching" };

    public static QidoQuery Parse(IQueryCollection query, int maxResults)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            var name = KeywordByTag.GetValueOrDefault(key) ?? KeywordByTag.Values.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (Controls.Contains(name))
            {
                values[name.ToLowerInvariant()] = value.ToString();
                continue;
            }
            if (!KeywordByTag.ContainsValue(name))
            {
                throw new DicomWebRequestException(400, $"query key '{key}' is not supported");
            }
            if (value.Count > 1 || values.ContainsKey(name is "ModalitiesInStudy" ? "Modality" : name))
            {
                throw new DicomWebRequestException(400, $"query key '{key}' is given more than once");
            }
            values[name is "ModalitiesInStudy" ? "Modality" : name] = value.ToString();
        }
        return new QidoQuery(
            UidList(values.GetValueOrDefault("StudyInstanceUID")), UidList(values.GetValueOrDefault("SeriesInstanceUID")),
            Pattern(values, "PatientID", ignoreCase: false), Pattern(values, "PatientName", ignoreCase: true),
            Pattern(values, "AccessionNumber", ignoreCase: false),
            values.TryGetValue("StudyDate", out var date) && date.Length > 0 ? DateRange.Parse(date) : null,
            values.TryGetValue("Modality", out var modality) && modality.Length > 0 ? modality : null,
            Math.Min(Number(values, "limit", maxResults, minimum: 1), maxResults), Number(values, "offset", 0, minimum: 0));
    }

    public QidoQuery ForStudy(string studyUid) => this with { StudyUids = new HashSet<string>(StringComparer.Ordinal) { studyUid } };

    /// <summary>Study-level keys, checked on an instance of the study (they are the same on every instance).</summary>
    public bool MatchesStudy(StoredInstance instance) =>
        (StudyUids is null || StudyUids.Contains(instance.StudyUid))
        && (PatientId is null || PatientId.Matches(instance.PatientId))
        && (PatientName is null || PatientName.Matches(instance.PatientName))
        && (AccessionNumber is null || AccessionNumber.Matches(instance.AccessionNumber))
        && (StudyDate is null || StudyDate.Contains(instance.StudyDate));

    public bool MatchesSeries(StoredInstance instance) =>
        MatchesStudy(instance)
        && (SeriesUids is null || SeriesUids.Contains(instance.SeriesUid))
        && (Modality is null || string.Equals(Modality, instance.Modality, StringComparison.Ordinal));

    private static HashSet<string>? UidList(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Split([',', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static ValuePattern? Pattern(Dictionary<string, string> values, string name, bool ignoreCase) =>
        values.TryGetValue(name, out var text) && text.Length > 0 && text != "*" ? new ValuePattern(text, ignoreCase) : null;

    private static int Number(Dictionary<string, string> values, string name, int fallback, int minimum)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new DicomWebRequestException(400, $"{name} '{text}' is not an integer of at least {minimum}");
    }
}
