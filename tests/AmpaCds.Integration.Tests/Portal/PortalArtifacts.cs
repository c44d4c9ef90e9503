using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>Screenshots and downloads of the browser tests, kept under the test results for a person to look at.</summary>
public static class PortalArtifacts
{
    public static string Folder { get; } = CreateFolder();

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private static string CreateFolder()
    {
        var root = Environment.GetEnvironmentVariable("AMPACDS_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        var folder = Path.Combine(root, "portal");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
