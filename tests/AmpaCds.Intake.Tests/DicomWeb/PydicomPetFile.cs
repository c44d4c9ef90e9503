using System.Diagnostics;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>A PET slice written by pydicom (a second, independent DICOM writer), returned as Part 10 bytes.
/// syntax: "explicit", "implicit" or "bigendian" (Explicit VR Big Endian).</summary>
public static class PydicomPetFile
{
    private const string Script = """
        import sys
        import numpy as np
        from pydicom.dataset import Dataset, FileMetaDataset
        from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian
        path, study, series, sop, patient_id, study_date, syntax = sys.argv[1:8]
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.128"
        meta.MediaStorageSOPInstanceUID = sop
        meta.TransferSyntaxUID = {"implicit": ImplicitVRLittleEndian, "bigendian": ExplicitVRBigEndian}.get(syntax, ExplicitVRLittleEndian)
        ds = Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.SOPClassUID = meta.MediaStorageSOPClassUID
        ds.SOPInstanceUID = sop
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.Modality = "PT"
        ds.PatientName = "Yamada^Tarou=山田^太郎"
        ds.PatientID = patient_id
        ds.StudyDate = study_date
        ds.SeriesNumber = 7
        ds.SeriesDescription = "K2 static"
        ds.ImagePositionPatient = [0, 0, 0]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing = [2, 2]
        ds.NumberOfSlices = 2
        ds.Rows = 8
        ds.Columns = 8
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = 16
        ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = 0
        ds.PixelData = np.arange(64, dtype=">u2" if syntax == "bigendian" else "<u2").tobytes()
        ds.is_little_endian = syntax != "bigendian"
        ds.is_implicit_VR = syntax == "implicit"
        ds.save_as(path, write_like_original=False)
        """;

    public static async Task<byte[]> WriteAsync(string study, string series, string sop, string patientId, string studyDate, string syntax = "explicit")
    {
        var path = Path.Combine(Path.GetTempPath(), $"ampacds-pydicom-{Guid.NewGuid():N}.dcm");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", Script, path, study, series, sop, patientId, studyDate, syntax })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pydicom could not write the PET file: {await errors}");
        }
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
