using AmpaCds.Dicom;
using AmpaCds.Intake.DicomWeb;

namespace AmpaCds.Intake.Dimse;

/// <summary>
/// A Study Root C-FIND identifier (PS3.4 C.6.2) in terms of the QIDO-RS search both use: which keys match,
/// and the response identifier for one matching study or series, holding the return keys that were asked for.
/// </summary>
public static class FindIdentifier
{
    // Return keys Intake fills per level (the study's keys are also filled on series responses: Study Root).
    private static readonly Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> StudyKeys = new()
    {
        [DicomTags.StudyDate] = (DicomVR.DA, g => g[0].StudyDate),
        [DicomTags.StudyTime] = (DicomVR.TM, g => g[0].StudyTime),
        [DicomTags.AccessionNumber] = (DicomVR.SH, g => g[0].AccessionNumber),
        [DicomTags.StudyDescription] = (DicomVR.LO, g => g[0].StudyDescription),
        [DicomTags.PatientName] = (DicomVR.PN, g => g[0].PatientName),
        [DicomTags.PatientID] = (DicomVR.LO, g => g[0].PatientId),
        [DicomTags.PatientBirthDate] = (DicomVR.DA, g => g[0].PatientBirthDate),
        [DicomTags.PatientSex] = (DicomVR.CS, g => g[0].PatientSex),
        [DicomTags.StudyInstanceUID] = (DicomVR.UI, g => g[0].StudyUid),
        [DicomTags.StudyID] = (DicomVR.SH, g => g[0].StudyId),
    };

    private static readonly Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> StudyOnlyKeys = new()
    {
        [DicomTags.ModalitiesInStudy] = (DicomVR.CS, g => string.Join('\\', g.Select(i => i.Modality).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))),
        [DicomTags.NumberOfStudyRelatedSeries] = (DicomVR.IS, g => Count(g.Select(i => i.SeriesUid).Distinct(StringComparer.Ordinal).Count())),
        [DicomTags.NumberOfStudyRelatedInstances] = (DicomVR.IS, g => Count(g.Count)),
    };

    private static readonly Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> SeriesOnlyKeys = new()
    {
        [DicomTags.SeriesInstanceUID] = (DicomVR.UI, g => g[0].SeriesUid),
        [DicomTags.Modality] = (DicomVR.CS, g => g[0].Modality),
        [DicomTags.SeriesNumber] = (DicomVR.IS, g => g[0].SeriesNumber is { } n ? Count(n) : null),
        [DicomTags.SeriesDescription] = (DicomVR.LO, g => g[0].SeriesDescription),
        [DicomTags.NumberOfSeriesRelatedInstances] = (DicomVR.IS, g => Count(g.Count)),
    };

    private static readonly Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> StudyLevelKeys =
        StudyKeys.Concat(StudyOnlyKeys).ToDictionary();

    private static readonly Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> SeriesLevelKeys =
        StudyKeys.Concat(SeriesOnlyKeys).ToDictionary();

    private static readonly HashSet<DicomTag> NotKeys = [DicomTags.QueryRetrieveLevel, DicomTags.SpecificCharacterSet];

    /// <summary>The matching keys as a search; a malformed date range throws DicomWebRequestException with the reason.</summary>
    public static QidoQuery ToQuery(DicomDataset identifier, int limit) => new(
        Uids(identifier, DicomTags.StudyInstanceUID), Uids(identifier, DicomTags.SeriesInstanceUID),
        Pattern(identifier, DicomTags.PatientID, ignoreCase: false), Pattern(identifier, DicomTags.PatientName, ignoreCase: true),
        Pattern(identifier, DicomTags.AccessionNumber, ignoreCase: false),
        Text(identifier, DicomTags.StudyDate) is { } date ? DateRange.Parse(date) : null,
        Text(identifier, DicomTags.Modality) ?? Text(identifier, DicomTags.ModalitiesInStudy), limit, 0);

    /// <summary>True when every key asked for can be returned at this level (else pending status 0xFF01).</summary>
    public static bool AllKeysSupported(DicomDataset identifier, bool seriesLevel) =>
        identifier.Select(item => item.Tag).All(tag => NotKeys.Contains(tag) || KeysOf(seriesLevel).ContainsKey(tag));

    /// <summary>The response identifier: Query/Retrieve Level, the unique keys, and each supported key that was asked for.</summary>
    public static DicomDataset Response(DicomDataset identifier, bool seriesLevel, IReadOnlyList<StoredInstance> group)
    {
        var keys = KeysOf(seriesLevel);
        var asked = identifier.Select(item => item.Tag).Where(keys.ContainsKey)
            .Append(DicomTags.StudyInstanceUID).Concat(seriesLevel ? [DicomTags.SeriesInstanceUID] : []).Distinct();
        var values = asked.Select(tag => (Tag: tag, keys[tag].Vr, Value: keys[tag].Value(group) ?? "")).ToList();
        var response = new DicomDataset();
        // UTF-8 whenever a value is not plain ASCII (Japanese names): the SCU learns the character set from the response.
        if (values.Any(v => v.Value.Any(c => c > 0x7F)))
        {
            response.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        }
        response.AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, seriesLevel ? "SERIES" : "STUDY");
        foreach (var (tag, vr, value) in values)
        {
            response.AddOrUpdate(tag, vr, value);
        }
        return response;
    }

    private static Dictionary<DicomTag, (DicomVR Vr, Func<IReadOnlyList<StoredInstance>, string?> Value)> KeysOf(bool seriesLevel) =>
        seriesLevel ? SeriesLevelKeys : StudyLevelKeys;

    private static string Count(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Null for an absent key or universal matching (empty value, or "*").</summary>
    private static string? Text(DicomDataset identifier, DicomTag tag) =>
        identifier.GetString(tag)?.Trim() is { Length: > 0 } value && value != "*" ? value : null;

    private static HashSet<string>? Uids(DicomDataset identifier, DicomTag tag) =>
        Text(identifier, tag) is { } text ? text.Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) : null;

    private static ValuePattern? Pattern(DicomDataset identifier, DicomTag tag, bool ignoreCase) =>
        Text(identifier, tag) is { } text ? new ValuePattern(text, ignoreCase) : null;
}
