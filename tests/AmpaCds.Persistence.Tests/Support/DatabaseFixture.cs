namespace AmpaCds.Persistence.Tests.Support;

/// <summary>One empty database per test class, on one provider; the configuration a service would be given.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public const string ServiceName = "persistence-test";

    public abstract string Provider { get; }

    /// <summary>Configuration keys selecting this database (AmpaCds:Database:Provider, ConnectionStrings:...).</summary>
    public abstract IReadOnlyDictionary<string, string?> Configuration { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
