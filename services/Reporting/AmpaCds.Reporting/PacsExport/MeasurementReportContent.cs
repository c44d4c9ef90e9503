using AmpaCds.Dicom;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// The content tree of the measurement report, TID 1500 "Measurement Report": language, observer context (AmpaCds as
/// the device), procedure reported, the image library of the measured PET series, and one TID 1501 measurement group
/// per atlas region (SUVbw mean, SUVR, z-score). The analysis-wide values (reference region, normative database,
/// model and forecast) form one more group without a finding site, since TID 1500 has no place of their own for them.
/// </summary>
internal static class MeasurementReportContent
{
    public static IReadOnlyList<DicomDataset> Build(StudyRecord record, int version, IReadOnlyList<SourceImage> images)
    {
        var uptake = record.Uptake ?? throw new InvalidOperationException("The measurement report needs the study's uptake.");
        var items = new List<DicomDataset>
        {
            SrItems.Code(SrItems.HasConceptModifier, ReportCodes.LanguageOfContent, ReportCodes.English),
            SrItems.Code(SrItems.HasObservationContext, ReportCodes.ObserverType, ReportCodes.Device),
            SrItems.UidRef(SrItems.HasObservationContext, ReportCodes.DeviceObserverUid, DeviceUid),
            SrItems.Text(SrItems.HasObservationContext, ReportCodes.DeviceObserverName, AmpaCdsSoftware.Name),
            SrItems.Text(SrItems.HasObservationContext, ReportCodes.DeviceObserverManufacturer, AmpaCdsSoftware.Name),
            SrItems.Text(SrItems.HasObservationContext, ReportCodes.DeviceObserverModelName, AmpaCdsSoftware.Name),
            SrItems.Code(SrItems.HasConceptModifier, ReportCodes.ProcedureReported, ReportCodes.K2BrainPet),
            SrItems.Container(SrItems.Contains, ReportCodes.ImageLibrary,
                SrItems.Container(SrItems.Contains, ReportCodes.ImageLibraryGroup,
                    images.Select(image => SrItems.Image(SrItems.Contains, image)))),
        };
        var groups = uptake.Regions.Select(region => RegionGroup(record.StudyInstanceUid, version, region)).ToList();
        groups.Add(AnalysisGroup(record, version, uptake));
        items.Add(SrItems.Container(SrItems.Contains, ReportCodes.ImagingMeasurements, groups));
        // The intended-use statement, as every surface of the report carries it.
        items.Add(SrItems.Text(SrItems.Contains, ReportCodes.Comment, UiText.Get("common.intended-use", UiLanguage.English)));
        // A reader of the text alone (dsrdump, a PACS's SR viewer) learns the report was amended.
        if (ReportAmendment.Statement(version) is { } amendment)
            items.Add(SrItems.Text(SrItems.Contains, ReportCodes.Comment, amendment));
        return items;
    }

    /// <summary>One UID for AmpaCds as an observer device, the same in every report (derived, not registered).</summary>
    private static string DeviceUid { get; } = PacsUids.For("ampacds-device", 0, PacsObjectKind.MeasurementReport, "device-observer");

    private static DicomDataset RegionGroup(string studyUid, int version, StoredRegion region)
    {
        var mean = SrItems.Code(SrItems.HasConceptModifier, ReportCodes.Derivation, ReportCodes.Mean);
        var children = new List<DicomDataset>
        {
            SrItems.Text(SrItems.HasObservationContext, ReportCodes.TrackingIdentifier, region.Name),
            SrItems.UidRef(SrItems.HasObservationContext, ReportCodes.TrackingUniqueIdentifier,
                PacsUids.For(studyUid, version, PacsObjectKind.MeasurementReport, "region/" + region.Name)),
            SrItems.Code(SrItems.HasConceptModifier, ReportCodes.FindingSite, ReportCodes.AtlasRegion(region.Name)),
            SrItems.Num(SrItems.Contains, ReportCodes.SuvBodyWeight, region.SuvMean, ReportCodes.GramsPerMillilitre, mean),
            SrItems.Num(SrItems.Contains, ReportCodes.Suvr, region.Suvr, ReportCodes.Ratio),
        };
        if (region.ZScore is { } z) children.Add(SrItems.Num(SrItems.Contains, ReportCodes.ZScore, z, ReportCodes.NoUnits));
        return SrItems.Container(SrItems.Contains, ReportCodes.MeasurementGroup, children);
    }

    private static DicomDataset AnalysisGroup(StudyRecord record, int version, StoredUptake uptake)
    {
        var children = new List<DicomDataset>
        {
            SrItems.Text(SrItems.HasObservationContext, ReportCodes.TrackingIdentifier, "analysis"),
            SrItems.UidRef(SrItems.HasObservationContext, ReportCodes.TrackingUniqueIdentifier,
                PacsUids.For(record.StudyInstanceUid, version, PacsObjectKind.MeasurementReport, "analysis")),
            SrItems.Code(SrItems.Contains, ReportCodes.ReferenceRegion, ReportCodes.AtlasRegion(uptake.ReferenceRegion)),
            SrItems.Num(SrItems.Contains, ReportCodes.ReferenceSuvMean, uptake.ReferenceSuvMean, ReportCodes.GramsPerMillilitre),
        };
        children.Add(SrItems.Code(SrItems.Contains, ReportCodes.PartialVolumeCorrection, ReportCodes.PartialVolumeMethod(uptake.PartialVolume?.Method)));
        if (uptake.PartialVolume?.FwhmMm is { } fwhm)
            children.Add(SrItems.Num(SrItems.Contains, ReportCodes.PartialVolumeFwhm, fwhm, ReportCodes.Millimetre));
        if (uptake.NormativeDatabase is { } database)
            children.Add(SrItems.Text(SrItems.Contains, ReportCodes.NormativeDatabaseVersion, database.Version));
        if (record.Forecast is { } forecast)
        {
            children.Add(SrItems.Text(SrItems.Contains, ReportCodes.AlgorithmVersion, forecast.ModelVersion));
            children.Add(SrItems.Num(SrItems.Contains, ReportCodes.ResponseProbability, Percent(forecast.ResponseProbability), ReportCodes.Percent));
            if (forecast.ResponseProbabilityInterval90 is { } interval)
            {
                children.Add(SrItems.Num(SrItems.Contains, ReportCodes.ResponseProbabilityLower90, Percent(interval.Lower), ReportCodes.Percent));
                children.Add(SrItems.Num(SrItems.Contains, ReportCodes.ResponseProbabilityUpper90, Percent(interval.Upper), ReportCodes.Percent));
            }
        }
        return SrItems.Container(SrItems.Contains, ReportCodes.MeasurementGroup, children);
    }

    // Rounded so 0.37 is written as 37, not 37.000000000000007.
    private static double Percent(double probability) => Math.Round(probability * 100, 6);
}
