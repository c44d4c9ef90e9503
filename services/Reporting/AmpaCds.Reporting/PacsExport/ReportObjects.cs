using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// Builds the DICOM objects a report version becomes in the PACS (issue 13): the PDF as Encapsulated PDF, the numbers
/// as a TID 1500 Comprehensive SR, and the slice figures as Secondary Capture. Only building: sending is elsewhere.
/// Every UID derives from (study, report version, kind), so building the same version twice gives the same objects.
/// </summary>
public static partial class ReportObjects
{
    /// <summary>Encapsulated PDF Storage holding the report PDF exactly as rendered.</summary>
    /// <param name="createdAt">When the report version was created (its record's CreatedAt), not the time of sending.</param>
    public static DicomDataset EncapsulatedPdf(StudyRecord record, byte[] pdf, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length < 5 || pdf[0] != (byte)'%' || pdf[1] != (byte)'P' || pdf[2] != (byte)'D' || pdf[3] != (byte)'F')
            throw new ArgumentException("Not a PDF document.", nameof(pdf));
        const string title = "AmpaCds [11C]K-2 PET report";
        var dataset = CommonModules.Create(record, PacsObjectKind.EncapsulatedPdf, PacsSopClasses.EncapsulatedPdf, "DOC",
            title, createdAt);
        // The Encapsulated Document module has no predecessor reference, so the title says what this version replaces.
        var documentTitle = ReportAmendment.Replaces(record.ReportVersion!.Value) is { } previous
            ? string.Create(CultureInfo.InvariantCulture, $"{title} (version {record.ReportVersion}, amends and replaces version {previous})")
            : title;
        return dataset
            // SC Equipment: a workstation made the document.
            .AddOrUpdate(PacsTags.ConversionType, DicomVR.CS, "WSD")
            // Encapsulated Document. The PDF shows the patient's name and ID, hence burned-in annotation YES.
            .AddOrUpdate(DicomTags.AcquisitionDateTime, DicomVR.DT, "")
            .AddOrUpdate(PacsTags.BurnedInAnnotation, DicomVR.CS, "YES")
            .AddOrUpdate(PacsTags.DocumentTitle, DicomVR.ST, documentTitle)
            .AddSequence(PacsTags.ConceptNameCodeSequence, [])
            .AddOrUpdate(PacsTags.MimeTypeOfEncapsulatedDocument, DicomVR.LO, "application/pdf")
            // OB is padded to even length with a NUL; the length element keeps the PDF's own (PS3.3 C.24.2.1).
            .AddOrUpdate(PacsTags.EncapsulatedDocumentLength, DicomVR.UL, (double)pdf.Length)
            .AddOrUpdate(PacsTags.EncapsulatedDocument, DicomVR.OB, pdf);
    }

    /// <summary>Comprehensive SR following TID 1500 with the regional values, the reference region, the normative
    /// database, the model and the forecast; COMPLETE but UNVERIFIED (no person has signed it). From version 2 on it
    /// references the previous version's SR as its predecessor and says in its text that it replaces it.</summary>
    /// <param name="petImages">Instances of the measured PET series, referenced as evidence and in the image library.</param>
    public static DicomDataset MeasurementReport(StudyRecord record, IReadOnlyList<SourceImage> petImages, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(petImages);
        if (petImages.Count == 0) throw new ArgumentException("The report must reference the PET images it measured.", nameof(petImages));
        if (string.IsNullOrEmpty(record.SeriesInstanceUid)) throw new ArgumentException("The study has no PET series UID.", nameof(record));
        var dataset = CommonModules.Create(record, PacsObjectKind.MeasurementReport, PacsSopClasses.ComprehensiveSr, "SR",
            "AmpaCds measurement report", createdAt);
        var version = record.ReportVersion!.Value;
        var evidence = new DicomDataset()
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, record.StudyInstanceUid)
            .AddSequence(PacsTags.ReferencedSeriesSequence, new DicomDataset()
                .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, record.SeriesInstanceUid)
                .AddSequence(PacsTags.ReferencedSopSequence, petImages.Select(image => new DicomDataset()
                    .AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, image.SopClassUid)
                    .AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, image.SopInstanceUid))));
        if (ReportAmendment.Replaces(version) is { } previous)
        {
            // SR Document General, type 1C: this report wholly includes, with changes, the previous version's report.
            dataset.AddSequence(PacsTags.PredecessorDocumentsSequence, ReportAmendment.PredecessorReport(record.StudyInstanceUid, previous));
        }
        return dataset
            // The private scheme is declared so a reader can tell who defines it.
            .AddSequence(PacsTags.CodingSchemeIdentificationSequence, new DicomDataset()
                .AddText(PacsTags.CodingSchemeDesignator, DicomVR.SH, ReportCodes.PrivateScheme)
                .AddText(PacsTags.CodingSchemeName, DicomVR.ST, "AmpaCds measurement codes")
                .AddText(PacsTags.CodingSchemeResponsibleOrganization, DicomVR.ST, "AmpaCds project (services/Reporting/README.md)"))
            // SR Document Series
            .AddSequence(PacsTags.ReferencedPerformedProcedureStepSequence, [])
            // SR Document General
            .AddOrUpdate(PacsTags.CompletionFlag, DicomVR.CS, "COMPLETE")
            .AddOrUpdate(PacsTags.VerificationFlag, DicomVR.CS, "UNVERIFIED")
            .AddSequence(PacsTags.PerformedProcedureCodeSequence, ReportCodes.K2BrainPet.ToItem())
            .AddSequence(PacsTags.CurrentRequestedProcedureEvidenceSequence, evidence)
            // SR Document Content: the root container
            .AddOrUpdate(PacsTags.ValueType, DicomVR.CS, "CONTAINER")
            .AddSequence(PacsTags.ConceptNameCodeSequence, ReportCodes.ImagingMeasurementReport.ToItem())
            .AddOrUpdate(PacsTags.ContinuityOfContent, DicomVR.CS, "SEPARATE")
            .AddSequence(PacsTags.ContentTemplateSequence, new DicomDataset()
                .AddOrUpdate(PacsTags.MappingResource, DicomVR.CS, "DCMR")
                .AddOrUpdate(PacsTags.TemplateIdentifier, DicomVR.CS, "1500"))
            .AddSequence(PacsTags.ContentSequence, MeasurementReportContent.Build(record, version, petImages));
    }
}
