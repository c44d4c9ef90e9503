using System.Text.Json.Nodes;
using AmpaCds.Dicom;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>QIDO-RS result objects (PS3.18 10.6.3.3, study and series attributes) from stored instances.</summary>
public static class QidoJson
{
    public static JsonObject Study(IReadOnlyList<StoredInstance> instances)
    {
        var first = instances[0];
        return StudyAttributes(new JsonObject(), first)
            .AddTexts(DicomWebTags.ModalitiesInStudy, "CS", instances.Select(i => i.Modality).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .AddNumber(DicomWebTags.NumberOfStudyRelatedSeries, "IS", instances.Select(i => i.SeriesUid).Distinct(StringComparer.Ordinal).Count())
            .AddNumber(DicomWebTags.NumberOfStudyRelatedInstances, "IS", instances.Count);
    }

    /// <summary>Series results carry the study's attributes too, so /dicomweb/series results say which study and patient.</summary>
    public static JsonObject Series(IReadOnlyList<StoredInstance> instances)
    {
        var first = instances[0];
        return StudyAttributes(new JsonObject(), first)
            .AddText(DicomTags.SeriesInstanceUID, "UI", first.SeriesUid)
            .AddText(DicomTags.Modality, "CS", first.Modality)
            .AddNumber(DicomTags.SeriesNumber, "IS", first.SeriesNumber)
            .AddText(DicomTags.SeriesDescription, "LO", first.SeriesDescription)
            .AddNumber(DicomWebTags.NumberOfSeriesRelatedInstances, "IS", instances.Count);
    }

    private static JsonObject StudyAttributes(JsonObject target, StoredInstance instance) => target
        .AddText(DicomTags.StudyDate, "DA", instance.StudyDate)
        .AddText(DicomTags.StudyTime, "TM", instance.StudyTime)
        .AddText(DicomTags.AccessionNumber, "SH", instance.AccessionNumber)
        .AddText(DicomTags.StudyDescription, "LO", instance.StudyDescription)
        .AddPersonName(DicomTags.PatientName, instance.PatientName)
        .AddText(DicomTags.PatientID, "LO", instance.PatientId)
        .AddText(DicomTags.PatientBirthDate, "DA", instance.PatientBirthDate)
        .AddText(DicomTags.PatientSex, "CS", instance.PatientSex)
        .AddText(DicomTags.StudyInstanceUID, "UI", instance.StudyUid)
        .AddText(DicomTags.StudyID, "SH", instance.StudyId);
}
