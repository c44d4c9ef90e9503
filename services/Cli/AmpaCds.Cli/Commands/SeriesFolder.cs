using AmpaCds.Cli.Output;
using AmpaCds.Dicom;

namespace AmpaCds.Cli.Commands;

/// <summary>Reads every DICOM Part 10 file of a folder (recursively); non-DICOM files such as truth.json are passed over.</summary>
public static class SeriesFolder
{
    public static IReadOnlyList<(string Path, DicomFile File)> Read(string folder)
    {
        var files = new List<(string, DicomFile)>();
        foreach (var path in Paths(folder))
        {
            try
            {
                files.Add((path, DicomFile.Open(path)));
            }
            catch (DicomFormatException error)
            {
                throw new CliFailure($"{path}: {error.Message}", CliRunner.InputError);
            }
        }
        return files;
    }

    /// <summary>The Part 10 files of the folder, in name order, without parsing them (for senders that read them anyway).</summary>
    public static IReadOnlyList<string> Paths(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliFailure($"folder '{folder}' does not exist", CliRunner.InputError);
        }
        var paths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where(LooksLikePart10)
            .ToList();
        return paths.Count > 0 ? paths : throw new CliFailure($"no DICOM files in '{folder}'", CliRunner.InputError);
    }

    /// <summary>Part 10 files carry "DICM" after a 128-byte preamble (PS3.10 7.1).</summary>
    private static bool LooksLikePart10(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length < 132)
        {
            return false;
        }
        Span<byte> magic = stackalloc byte[4];
        stream.Position = 128;
        stream.ReadExactly(magic);
        return magic.SequenceEqual("DICM"u8);
    }
}
