using AmpaCds.Dicom;
using AmpaCds.Reporting.PacsExport;

namespace AmpaCds.Reporting.Tests.PacsExport;

/// <summary>Writes exported objects as Part 10 files and runs the reference checkers on them.</summary>
public static class PacsFiles
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 2, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<SourceImage> PetImages =
        [new(DicomUids.PetImageStorage, "1.2.3.4.1"), new(DicomUids.PetImageStorage, "1.2.3.4.2")];

    /// <summary>Writes the dataset as a Part 10 file in the test's folder (deleted with it).</summary>
    public static string Write(PacsTempFolder folder, DicomDataset dataset)
    {
        var raw = DicomDatasetWriter.Write(dataset, TransferSyntax.ExplicitVRLittleEndian);
        var file = DicomPart10Writer.Write(raw, TransferSyntax.ExplicitVRLittleEndian.Uid,
            dataset.GetString(DicomTags.SOPClassUID)!, dataset.GetString(DicomTags.SOPInstanceUID)!);
        return Write(folder, file);
    }

    public static string Write(PacsTempFolder folder, byte[] part10)
    {
        var path = folder.File($"{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, part10);
        return path;
    }

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var (_, output) = await ScriptRunner.RunAsync(tool, arguments, TimeSpan.FromSeconds(60));
        return output;
    }

    /// <summary>dciodvfy's error lines (warnings are allowed and left out).</summary>
    public static async Task<IReadOnlyList<string>> DciodvfyErrorsAsync(string path) =>
        (await DciodvfyAsync(path)).Where(line => line.StartsWith("Error", StringComparison.Ordinal)).ToList();

    /// <summary>dciodvfy's error and warning lines.</summary>
    public static async Task<IReadOnlyList<string>> DciodvfyAsync(string path) =>
        (await RunAsync("/usr/bin/dciodvfy", path)).Split('\n')
            .Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal))
            .ToList();
}
