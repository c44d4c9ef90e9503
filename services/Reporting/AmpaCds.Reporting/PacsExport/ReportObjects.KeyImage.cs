using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

public static partial class ReportObjects
{
    /// <summary>
    /// Secondary Capture Image Storage of one report figure (SUVR or z slices, z overview, each with atlas outlines):
    /// the PNG decoded to 8-bit RGB, composited on black, planar configuration 0. DERIVED\SECONDARY, converted by a
    /// workstation (WSD); the figure carries labels and scales but nothing that identifies the patient, and template
    /// space brain slices show no face, hence Burned In Annotation and Recognizable Visual Features NO.
    /// </summary>
    /// <param name="kind">One of the capture kinds (<see cref="KeyImageFigures.All"/>).</param>
    /// <param name="createdAt">When the report version was created, as for the other objects of the version.</param>
    public static DicomDataset KeyImage(StudyRecord record, PacsObjectKind kind, byte[] png, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(png);
        if (!KeyImageFigures.IsKeyImage(kind)) throw new ArgumentException($"{kind} is not a key image kind.", nameof(kind));
        var pixels = RgbPixels.FromPng(png);
        var dataset = CommonModules.Create(record, kind, PacsSopClasses.SecondaryCapture, "OT", KeyImageFigures.Title(kind), createdAt);
        var utc = createdAt.ToUniversalTime();
        var comments = UiText.Get("common.intended-use", UiLanguage.English);
        if (ReportAmendment.Statement(record.ReportVersion!.Value) is { } amendment) comments += " " + amendment;
        return dataset
            // General Series: naming the body part tells a checker the brain is unpaired, so Laterality (type 2C) is left out.
            .AddOrUpdate(PacsTags.BodyPartExamined, DicomVR.CS, "BRAIN")
            // General Image
            .AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "DERIVED", "SECONDARY")
            .AddOrUpdate(PacsTags.PatientOrientation, DicomVR.CS, "")
            .AddOrUpdate(PacsTags.DerivationDescription, DicomVR.ST,
                "AmpaCds report figure rendered from the study's PET in template space, with atlas region outlines")
            .AddOrUpdate(PacsTags.ImageComments, DicomVR.LT, comments)
            .AddOrUpdate(PacsTags.BurnedInAnnotation, DicomVR.CS, "NO")
            .AddOrUpdate(PacsTags.RecognizableVisualFeatures, DicomVR.CS, "NO")
            .AddOrUpdate(DicomTags.LossyImageCompression, DicomVR.CS, "00")
            // SC Equipment: a workstation, AmpaCds, made the image.
            .AddOrUpdate(PacsTags.ConversionType, DicomVR.CS, "WSD")
            .AddOrUpdate(PacsTags.SecondaryCaptureDeviceManufacturer, DicomVR.LO, AmpaCdsSoftware.Name)
            .AddOrUpdate(PacsTags.SecondaryCaptureDeviceManufacturerModelName, DicomVR.LO, AmpaCdsSoftware.Name)
            .AddOrUpdate(PacsTags.SecondaryCaptureDeviceSoftwareVersions, DicomVR.LO, AmpaCdsSoftware.Version)
            // SC Image
            .AddOrUpdate(PacsTags.DateOfSecondaryCapture, DicomVR.DA, utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .AddOrUpdate(PacsTags.TimeOfSecondaryCapture, DicomVR.TM, utc.ToString("HHmmss", CultureInfo.InvariantCulture))
            // Image Pixel
            .AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, 3)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB")
            .AddOrUpdate(DicomTags.Rows, DicomVR.US, pixels.Height)
            .AddOrUpdate(DicomTags.Columns, DicomVR.US, pixels.Width)
            .AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, 8)
            .AddOrUpdate(DicomTags.BitsStored, DicomVR.US, 8)
            .AddOrUpdate(DicomTags.HighBit, DicomVR.US, 7)
            .AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, 0)
            .AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, 0)
            .AddOrUpdate(DicomTags.PixelData, DicomVR.OB, pixels.Rgb);
    }
}
