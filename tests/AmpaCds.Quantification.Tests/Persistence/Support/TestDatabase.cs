namespace AmpaCds.Quantification.Tests.Persistence.Support;

/// <summary>One empty Quantification database on one provider, and the configuration that selects it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string ServiceName = "quantification";

    public abstract IReadOnlyDictionary<string, string?> Configuration { get; }

    public abstract ValueTask DisposeAsync();
}
