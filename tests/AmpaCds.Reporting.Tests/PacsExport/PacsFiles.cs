using AmpaCds.Dicom;
using AmpaCds.Reporting.PacsExport;

namespace AmpaCds.Reporting.Tests.PacsExport;

/// <summary>Writes exported objects as Part 10 files and runs the reference checkers on them.</summary>
public static class PacsFiles
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 2, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<SourceImage> PetImages =
        [new(DicomUids.PetImageStorage, "1.2.3.4.1"), new(DicomUids.PetImageStorage, "1.2.3.4.2")];

    public static string Write(DicomDataset dataset)
    {
        var raw = DicomDatasetWriter.Write(dataset, TransferSyntax.ExplicitVRLittleEndian);
        var file = DicomPart10Writer.Write(raw, TransferSyntax.ExplicitVRLittleEndian.Uid,
            dataset.GetString(DicomTags.SOPClassUID)!, dataset.GetString(DicomTags.SOPInstanceUID)!);
        var path = Path.Combine(Path.GetTempPath(), $"ampacds-pacs-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, file);
        return path;
    }

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var (_, output) = await ScriptRunner.RunAsync(tool, arguments, TimeSpan.FromSeconds(60));
        return output;
    }

    /// <summary>dciodvfy's error lines (warnings are allowed and left out).</summary>
    public static async Task<IReadOnlyList<string>> DciodvfyErrorsAsync(string path) =>
        (await RunAsync("/usr/bin/dciodvfy", path)).Split('\n').Where(line => line.StartsWith("Error", StringComparison.Ordinal)).ToList();
}
