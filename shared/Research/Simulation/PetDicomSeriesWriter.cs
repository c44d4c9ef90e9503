using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// Writes an activity volume (Bq/mL, decay-corrected to scan start) as a PET Image Storage series,
/// one Part 10 file per axial slice, with every attribute SUV needs and a per-slice Rescale Slope
/// as real scanners write it.
/// </summary>
public static class PetDicomSeriesWriter
{
    private const string PetImageStorage = "1.2.840.10008.5.1.4.1.1.128";

    /// <summary>Manufacturer (0008,0070) of every simulated series.</summary>
    public const string Manufacturer = "AmpaCds simulator";

    /// <summary>Radiopharmaceutical (0018,0031) of every simulated series.</summary>
    public const string Radiopharmaceutical = "[11C]K-2";

    public static IReadOnlyList<string> Write(Volume activity, PetSeriesMetadata meta, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[activity.Nz];
        Parallel.For(0, activity.Nz, k =>
        {
            var path = Path.Combine(folder, $"slice-{k + 1:D3}.dcm");
            DicomFile.Create(SliceDataset(activity, meta, k), TransferSyntax.ExplicitVRLittleEndian.Uid).Save(path);
            paths[k] = path;
        });
        return paths;
    }

    private static DicomDataset SliceDataset(Volume activity, PetSeriesMetadata meta, int k)
    {
        var (pixels, slope) = Quantise(activity, k);
        var position = activity.VoxelToWorld.Apply(new Point3(0, 0, k));
        var spacing = activity.Spacing;
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY")
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, PetImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, $"{meta.SeriesInstanceUid}.{k + 1}")
            .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, Date(meta.InjectionTime))
            .AddOrUpdate(DicomTags.StudyTime, DicomVR.TM, Time(meta.InjectionTime))
            .AddOrUpdate(DicomTags.SeriesDate, DicomVR.DA, Date(meta.ScanStart))
            .AddOrUpdate(DicomTags.SeriesTime, DicomVR.TM, Time(meta.ScanStart))
            .AddOrUpdate(DicomTags.AcquisitionDate, DicomVR.DA, Date(meta.ScanStart))
            .AddOrUpdate(DicomTags.AcquisitionTime, DicomVR.TM, Time(meta.ScanStart))
            .AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, meta.PatientId)
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "PT")
            .AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, Manufacturer)
            .AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, meta.ScannerModel)
            .AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "[11C]K-2 AMPA receptor PET")
            .AddOrUpdate(DicomTags.SeriesDescription, DicomVR.LO, "K-2 static (synthetic)")
            .AddOrUpdate(DicomTags.PatientName, DicomVR.PN, meta.PatientName)
            .AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, meta.ReferringPhysicianName)
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, meta.PatientId)
            .AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, Date(meta.InjectionTime.AddYears(-meta.PatientAge)))
            .AddOrUpdate(DicomTags.PatientSex, DicomVR.CS, meta.PatientSex)
            .AddOrUpdate(DicomTags.PatientAge, DicomVR.AS, $"{meta.PatientAge:D3}Y")
            .AddOrUpdate(DicomTags.PatientWeight, DicomVR.DS, meta.PatientWeightKg)
            .AddOrUpdate(DicomTags.SliceThickness, DicomVR.DS, spacing.Z)
            .AddOrUpdate(DicomTags.ConvolutionKernel, DicomVR.SH, meta.ConvolutionKernel)
            .AddOrUpdate(DicomTags.ActualFrameDuration, DicomVR.IS, (int)meta.FrameDurationMs)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, meta.StudyInstanceUid)
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, meta.SeriesInstanceUid)
            .AddOrUpdate(DicomTags.InstanceNumber, DicomVR.IS, k + 1)
            .AddOrUpdate(DicomTags.ImagePositionPatient, DicomVR.DS, position.X, position.Y, position.Z)
            .AddOrUpdate(DicomTags.ImageOrientationPatient, DicomVR.DS, 1, 0, 0, 0, 1, 0)
            .AddOrUpdate(DicomTags.FrameOfReferenceUID, DicomVR.UI, meta.FrameOfReferenceUid)
            .AddOrUpdate(DicomTags.SliceLocation, DicomVR.DS, position.Z)
            .AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, (ushort)1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, DicomVR.US, (ushort)activity.Ny)
            .AddOrUpdate(DicomTags.Columns, DicomVR.US, (ushort)activity.Nx)
            .AddOrUpdate(DicomTags.PixelSpacing, DicomVR.DS, spacing.Y, spacing.X)
            .AddOrUpdate(DicomTags.CorrectedImage, DicomVR.CS, "ATTN", "DECY", "SCAT", "NORM")
            .AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, (ushort)16)
            .AddOrUpdate(DicomTags.BitsStored, DicomVR.US, (ushort)16)
            .AddOrUpdate(DicomTags.HighBit, DicomVR.US, (ushort)15)
            .AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, (ushort)0)
            .AddOrUpdate(DicomTags.RescaleIntercept, DicomVR.DS, 0)
            .AddOrUpdate(DicomTags.RescaleSlope, DicomVR.DS, slope)
            .AddOrUpdate(DicomTags.RescaleType, DicomVR.LO, "BQML")
            .AddOrUpdate(DicomTags.SeriesType, DicomVR.CS, "STATIC", "IMAGE")
            .AddOrUpdate(DicomTags.Units, DicomVR.CS, "BQML")
            .AddOrUpdate(DicomTags.NumberOfSlices, DicomVR.US, (ushort)activity.Nz)
            .AddOrUpdate(DicomTags.AttenuationCorrectionMethod, DicomVR.LO, meta.AttenuationCorrectionMethod)
            .AddOrUpdate(DicomTags.DecayCorrection, DicomVR.CS, "START")
            .AddOrUpdate(DicomTags.ReconstructionMethod, DicomVR.LO, meta.ReconstructionMethod)
            .AddOrUpdate(DicomTags.FrameReferenceTime, DicomVR.DS, meta.FrameDurationMs / 2)
            .AddSequence(DicomTags.RadiopharmaceuticalInformationSequence, RadiopharmaceuticalItem(meta))
            .AddOrUpdate(DicomTags.PixelData, DicomVR.OW, pixels);
        return dataset;
    }

    private static DicomDataset RadiopharmaceuticalItem(PetSeriesMetadata meta) => new DicomDataset()
        .AddOrUpdate(DicomTags.Radiopharmaceutical, DicomVR.LO, Radiopharmaceutical)
        .AddOrUpdate(DicomTags.RadiopharmaceuticalStartTime, DicomVR.TM, Time(meta.InjectionTime))
        .AddOrUpdate(DicomTags.RadionuclideTotalDose, DicomVR.DS, meta.InjectedActivityBq)
        .AddOrUpdate(DicomTags.RadionuclideHalfLife, DicomVR.DS, meta.HalfLifeSeconds)
        .AddOrUpdate(DicomTags.RadionuclidePositronFraction, DicomVR.DS, 0.998)
        .AddOrUpdate(DicomTags.RadiopharmaceuticalStartDateTime, DicomVR.DT, meta.InjectionTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

    /// <summary>Unsigned 16-bit with the slice's own slope, so small and large slices keep their precision.</summary>
    private static (byte[] Pixels, double Slope) Quantise(Volume activity, int k)
    {
        var count = activity.Nx * activity.Ny;
        var offset = k * count;
        var max = 0f;
        for (var i = 0; i < count; i++)
        {
            max = Math.Max(max, activity.Data[offset + i]);
        }
        // Round the slope to what a DS can carry, so readers rescale with exactly the value used here.
        var slope = max > 0 ? double.Parse((max / 65000.0).ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : 1.0;
        var pixels = new byte[count * 2];
        for (var i = 0; i < count; i++)
        {
            var stored = (ushort)Math.Clamp(Math.Round(activity.Data[offset + i] / slope), 0, ushort.MaxValue);
            pixels[2 * i] = (byte)stored;
            pixels[2 * i + 1] = (byte)(stored >> 8);
        }
        return (pixels, slope);
    }

    private static string Date(DateTime time) => time.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Time(DateTime time) => time.ToString("HHmmss", CultureInfo.InvariantCulture);
}
