using AmpaCds.Intake.DicomWeb;
using AmpaCds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tests;

/// <summary>Intake's settings as bound from configuration: bad values name their key; nested sections reach their readers.</summary>
public sealed class IntakeOptionsValidationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AmpaCds:DataRoot"] = Path.GetTempPath();
        settings["AmpaCds:Intake:ListenerEnabled"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void OutOfRangeValuesAreRefusedNamingTheirKeys()
    {
        using var provider = Build(new()
        {
            ["AmpaCds:Intake:QuietPeriodSeconds"] = "0",
            ["AmpaCds:Intake:BindAddress"] = "localhost",
            ["AmpaCds:Intake:DicomWeb:MaxResults"] = "0",
            ["AmpaCds:Intake:Journal:SegmentMegabytes"] = "0",
            ["AmpaCds:Intake:IncompleteSeriesTimeoutSeconds"] = "-1",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IntakeOptions>>().Value);

        Assert.Equal(5, error.Failures.Count());
        Assert.Contains("AmpaCds:Intake:QuietPeriodSeconds must be a positive number of seconds, not 0", error.Failures);
        Assert.Contains("AmpaCds:Intake:BindAddress must be an IP address, not 'localhost'", error.Failures);
        Assert.Contains("AmpaCds:Intake:DicomWeb:MaxResults must be at least 1", error.Failures);
        Assert.Contains("AmpaCds:Intake:Journal:SegmentMegabytes must be 1 to 1024, not 0", error.Failures);
        Assert.Contains("AmpaCds:Intake:IncompleteSeriesTimeoutSeconds must be a positive number of seconds, not -1", error.Failures);
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        using var provider = Build([]);

        Assert.Equal("AMPACDS", provider.GetRequiredService<IOptions<IntakeOptions>>().Value.AeTitle);
    }

    [Fact]
    public void CFindReadsTheConfiguredDicomWebLimits()
    {
        // C-FIND takes IOptions<DicomWebOptions>; it used to get the defaults whatever was configured.
        using var provider = Build(new() { ["AmpaCds:Intake:DicomWeb:MaxResults"] = "7" });

        Assert.Equal(7, provider.GetRequiredService<IOptions<DicomWebOptions>>().Value.MaxResults);
    }
}
