namespace AmpaCds.Reporting.Tests.PacsExport;

/// <summary>A folder of its own under the system temp folder for one test's files, deleted with everything in it on dispose.</summary>
public sealed class PacsTempFolder : IDisposable
{
    public PacsTempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ampacds-pacs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
