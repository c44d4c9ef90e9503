using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Quantification.Tests.Configuration;

/// <summary>
/// The patient-key secret left at its development default must stop a non-Development host at start,
/// with a message that names the setting and how to set it; Development keeps the default working.
/// </summary>
public sealed class PatientKeySecretStartupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ampacds-secret-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task AProductionHostWithTheDevelopmentSecretDoesNotStart()
    {
        using var host = Build(Environments.Production, secret: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = Assert.Single(error.Failures);
        Assert.Contains("AmpaCds:Quantification:PatientKeySecret is the development default", message, StringComparison.Ordinal);
        Assert.Contains("Production environment", message, StringComparison.Ordinal);
        Assert.Contains("AmpaCds__Quantification__PatientKeySecret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionHostWithAShortSecretDoesNotStart()
    {
        using var host = Build(Environments.Staging, secret: "too-short-for-a-key");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AmpaCds:Quantification:PatientKeySecret is 19 characters, shorter than 32", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionHostWithASiteSecretStarts()
    {
        using var host = Build(Environments.Production, secret: new string('k', PatientKeySecretValidation.MinimumLength));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task ADevelopmentHostStartsWithTheDefault()
    {
        using var host = Build(Environments.Development, secret: null);

        await host.StartAsync();
        Assert.Equal(QuantificationOptions.DevelopmentPatientKeySecret,
            host.Services.GetRequiredService<IOptions<QuantificationOptions>>().Value.PatientKeySecret);
        await host.StopAsync();
    }

    [Fact]
    public void OutOfRangeSettingsAreReportedWithTheirKeys()
    {
        var options = new QuantificationOptions { TemplateSmoothingFwhmMm = -1, DynamicWindowStartMinutes = 60, DynamicWindowEndMinutes = 40, ReferenceRegion = " " };

        var result = new QuantificationOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, failure => failure.StartsWith("AmpaCds:Quantification:ReferenceRegion is required", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("AmpaCds:Quantification:TemplateSmoothingFwhmMm must be 0 to 20 mm, not -1", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("AmpaCds:Quantification:DynamicWindowStartMinutes and DynamicWindowEndMinutes", StringComparison.Ordinal));
    }

    private IHost Build(string environment, string? secret)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        // Composed as the host composes it (its database needs the bus for the outbox); in-memory transport.
        var settings = new Dictionary<string, string?> { ["AmpaCds:DataRoot"] = _root, ["AmpaCds:Bus:Transport"] = "InMemory" };
        if (secret is not null)
        {
            settings["AmpaCds:Quantification:PatientKeySecret"] = secret;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddServiceDefaults(builder.Configuration);
        builder.Services.AddQuantificationServices(builder.Configuration);
        builder.Services.AddAmpaCdsBus(builder.Configuration, QuantificationServiceCollectionExtensions.AddQuantificationConsumers);
        return builder.Build();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            // The started hosts left the service's SQLite file open in the pool.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }
}
