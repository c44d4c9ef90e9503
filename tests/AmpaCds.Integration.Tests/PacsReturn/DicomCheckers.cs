using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.PacsReturn;

/// <summary>The independent tools the objects are checked with: dicom3tools' dciodvfy, DCMTK's dsrdump, pydicom, poppler's pdftotext.</summary>
public static class DicomCheckers
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"{tool} failed: {result}");
        return result.StandardOutput + result.StandardError;
    }

    /// <summary>dciodvfy's error lines (warnings are allowed and left out). It exits non-zero on errors, so the exit code is not checked here.</summary>
    public static async Task<IReadOnlyList<string>> DciodvfyErrorsAsync(string path)
    {
        var result = await ProcessRunner.RunAsync("/usr/bin/dciodvfy", [path], TimeSpan.FromSeconds(60));
        return (result.StandardOutput + result.StandardError).Split('\n').Where(line => line.StartsWith("Error", StringComparison.Ordinal)).ToList();
    }

    public static async Task<string> PdfTextAsync(string pdf)
    {
        var result = await ProcessRunner.RunAsync("pdftotext", ["-layout", pdf, "-"], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput;
    }
}
