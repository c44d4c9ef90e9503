using System.Globalization;
using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// How the objects of a later report version say which version they replace. A PACS keeps every version (they have
/// their own UIDs and series), so each object of version N &gt; 1 names version N-1 where a reader looks: the series
/// description, the PDF's document title, the SR's text and its Predecessor Documents Sequence.
/// </summary>
internal static class ReportAmendment
{
    /// <summary>The version this one replaces, or null for the first report.</summary>
    public static int? Replaces(int version) => version > 1 ? version - 1 : null;

    /// <summary>"&lt;title&gt;, v2 replaces v1" for a later version; the plain title for the first.</summary>
    public static string SeriesDescription(string title, int version)
    {
        var description = Replaces(version) is { } previous
            ? string.Create(CultureInfo.InvariantCulture, $"{title}, v{version} replaces v{previous}")
            : title;
        // Series Description is LO; the titles are ours, so an overflow is a programming error, not input.
        return description.Length <= 64
            ? description
            : throw new InvalidOperationException($"Series description '{description}' is longer than 64 characters.");
    }

    /// <summary>A sentence for the SR and the key images' comments; null for the first report.</summary>
    public static string? Statement(int version) => Replaces(version) is { } previous
        ? string.Create(CultureInfo.InvariantCulture,
            $"AmpaCds report version {version}: amends and replaces report version {previous} of this study.")
        : null;

    /// <summary>
    /// A Predecessor Documents Sequence item (hierarchical SOP instance reference, PS3.3 C.17.2.3) naming the previous
    /// version's measurement report. Its UIDs are derived, not looked up: <see cref="PacsUids"/> gives version N-1 the
    /// same UIDs it was sent with.
    /// </summary>
    public static DicomDataset PredecessorReport(string studyInstanceUid, int previousVersion) => new DicomDataset()
        .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyInstanceUid)
        .AddSequence(PacsTags.ReferencedSeriesSequence, new DicomDataset()
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI,
                PacsUids.Series(studyInstanceUid, previousVersion, PacsObjectKind.MeasurementReport))
            .AddSequence(PacsTags.ReferencedSopSequence, new DicomDataset()
                .AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, PacsSopClasses.ComprehensiveSr)
                .AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI,
                    PacsUids.Instance(studyInstanceUid, previousVersion, PacsObjectKind.MeasurementReport))));
}
