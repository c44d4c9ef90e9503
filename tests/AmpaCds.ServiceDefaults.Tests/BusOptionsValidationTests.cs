using AmpaCds.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Tests;

/// <summary>The bus settings go through IOptions and are validated; a mistyped transport names its key.</summary>
public sealed class BusOptionsValidationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddAmpaCdsBus(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AnUnknownTransportIsRefusedNamingTheKey()
    {
        using var provider = Build(new() { ["AmpaCds:Bus:Transport"] = "Kafka", ["AmpaCds:Bus:ConcurrentMessageLimit"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BusOptions>>().Value);

        Assert.Equal(
            ["AmpaCds:Bus:Transport must be \"InMemory\" or \"RabbitMq\", not \"Kafka\"", "AmpaCds:Bus:ConcurrentMessageLimit must be at least 1, not 0"],
            error.Failures);
    }

    [Fact]
    public void ConfiguredValuesReachTheOptions()
    {
        using var provider = Build(new() { ["AmpaCds:Bus:Transport"] = "RabbitMq", ["AmpaCds:Bus:Port"] = "5673", ["AmpaCds:Bus:RetryIntervalsMs:0"] = "50" });

        var options = provider.GetRequiredService<IOptions<BusOptions>>().Value;

        Assert.True(options.UsesRabbitMq);
        Assert.Equal(5673, options.Port);
        // Configured intervals replace the defaults instead of being appended to them.
        Assert.Equal([50], options.EffectiveRetryIntervalsMs);
    }

    [Fact]
    public void WithoutConfiguredRetriesTheDefaultsApply()
    {
        using var provider = Build([]);

        Assert.Equal([200, 1000, 5000], provider.GetRequiredService<IOptions<BusOptions>>().Value.EffectiveRetryIntervalsMs);
    }

    [Fact]
    public void TheProcessClockIsTheSystemClock()
    {
        using var provider = Build([]);

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
