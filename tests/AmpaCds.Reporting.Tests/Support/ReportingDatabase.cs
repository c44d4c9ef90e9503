namespace AmpaCds.Reporting.Tests.Support;

/// <summary>One empty Reporting database per test class, on one provider, and a blob folder next to it.</summary>
public abstract class ReportingDatabase : IAsyncLifetime
{
    public string BlobFolder { get; } = Path.Combine(Path.GetTempPath(), $"ampacds-reporting-blobs-{Guid.NewGuid():N}");

    public abstract string Provider { get; }

    /// <summary>Configuration keys selecting this database, as the host would be given them.</summary>
    public abstract IReadOnlyDictionary<string, string?> Configuration { get; }

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync()
    {
        if (Directory.Exists(BlobFolder))
        {
            Directory.Delete(BlobFolder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
