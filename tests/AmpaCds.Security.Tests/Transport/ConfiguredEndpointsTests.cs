using AmpaCds.Security.Transport;
using Microsoft.Extensions.Configuration;

namespace AmpaCds.Security.Tests.Transport;

public sealed class ConfiguredEndpointsTests
{
    [Fact]
    public void NamedKestrelEndpointsAreReadWithTheirKeys()
    {
        var endpoints = ConfiguredEndpoints.Read(Configuration(new()
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "https://0.0.0.0:5080",
            ["Kestrel:Endpoints:Http:Url"] = "https://0.0.0.0:5180",
            ["urls"] = "http://0.0.0.0:9999",
        }));
        Assert.Equal([new("Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:5080"), new("Kestrel:Endpoints:Http:Url", "https://0.0.0.0:5180")], endpoints);
    }

    [Fact]
    public void WithoutNamedEndpointsTheUrlsSettingIsWhatKestrelBinds()
    {
        var endpoints = ConfiguredEndpoints.Read(Configuration(new() { ["urls"] = "http://0.0.0.0:5000; https://127.0.0.1:5001" }));
        Assert.Equal([new("urls", "http://0.0.0.0:5000"), new("urls", "https://127.0.0.1:5001")], endpoints);
    }

    [Fact]
    public void WithNothingConfiguredKestrelsDefaultIsChecked() =>
        Assert.Equal("http://localhost:5000", Assert.Single(ConfiguredEndpoints.Read(Configuration(new()))).Url);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
