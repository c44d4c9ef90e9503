using System.Diagnostics;
using AmpaCds.Dicom;

namespace AmpaCds.Intake.Tests;

/// <summary>Compresses a Part 10 file with a DCMTK tool (dcmcrle, dcmcjpeg, dcmcjpls): an independent encoder.</summary>
public static class DcmtkCompressor
{
    public static byte[] Compress(DicomDataset dataset, string tool, params string[] options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ampacds-compress-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var source = Path.Combine(folder, "in.dcm");
            var target = Path.Combine(folder, "out.dcm");
            DicomFile.Create(dataset).Save(source);
            var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in options.Append(source).Append(target))
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException($"{tool} did not finish in 60 s");
            }
            Assert.True(process.ExitCode == 0, $"{tool} failed: {errors.Result}");
            return File.ReadAllBytes(target);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A PET slice with a smooth, varied image, so compression has real work to do.</summary>
    public static DicomDataset VariedSlice(int index, int numberOfSlices = 3, string seriesUid = PetDatasets.SeriesUid)
    {
        var slice = PetDatasets.Slice(index, numberOfSlices, seriesUid);
        var pixels = new ushort[32 * 24];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (ushort)((i % 32) * 700 + (i / 32) * 13 + (i * 7919 % 31));
        }
        DicomPixelData.SetPixelData(slice, 24, 32, pixels);
        return slice;
    }
}
