using AmpaCds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tests.Access;

/// <summary>The peers section as an operator writes it in appsettings.json / environment variables.</summary>
public sealed class PeerConfigurationTests
{
    private static IntakeOptions Load(Dictionary<string, string?> settings)
    {
        settings["AmpaCds:DataRoot"] = Path.GetTempPath();
        settings["AmpaCds:Intake:ListenerEnabled"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<IntakeOptions>>().Value;
    }

    [Fact]
    public void PeersJoinTheAllowedCallingAeTitles()
    {
        var options = Load(new()
        {
            ["AmpaCds:Intake:AllowedCallingAeTitles:0"] = "MODALITY1",
            ["AmpaCds:Intake:Peers:0:AeTitle"] = "ORTHANC",
            ["AmpaCds:Intake:Peers:0:Addresses:0"] = "127.0.0.1/32",
            ["AmpaCds:Intake:Peers:1:AeTitle"] = "PACS",
        });

        Assert.Equal(["MODALITY1", "ORTHANC", "PACS"], options.AllowedCallingAeTitles);
        Assert.Equal(["127.0.0.1/32"], options.Peers[0].Addresses);
    }

    [Fact]
    public void WithoutPeersTheAllowListIsUnchanged() =>
        Assert.Empty(Load([]).AllowedCallingAeTitles);

    [Theory]
    [InlineData("10.0.0.300", "'10.0.0.300' is not an IP address or CIDR range")]
    [InlineData("10.0.0.7/24", "'10.0.0.7/24' is not an IP address or CIDR range")]
    [InlineData("localhost", "'localhost' is not an IP address or CIDR range")]
    public void AMistypedAddressStopsTheStartWithTheReason(string address, string reason)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Load(new()
        {
            ["AmpaCds:Intake:Peers:0:AeTitle"] = "ORTHANC",
            ["AmpaCds:Intake:Peers:0:Addresses:0"] = address,
        }));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAeTitleLongerThan16CharactersIsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Load(new() { ["AmpaCds:Intake:Peers:0:AeTitle"] = "A_TITLE_FAR_TOO_LONG" }));
        Assert.Contains("1 to 16 characters", error.Message, StringComparison.Ordinal);
    }
}
