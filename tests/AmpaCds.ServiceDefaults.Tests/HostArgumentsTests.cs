using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace AmpaCds.ServiceDefaults.Tests;

public sealed class HostArgumentsTests
{
    [Fact]
    public void HostsBuiltWithTheDefaultsReadTheirSettingsFilesWithoutWatchingThem()
    {
        var watched = JsonSources(WebApplication.CreateBuilder(HostArguments.WithDefaults([])).Configuration);
        Assert.NotEmpty(watched);
        Assert.All(watched, source => Assert.False(source.ReloadOnChange, $"{source.Path} is watched"));
    }

    [Fact]
    public void WithoutThemTheFrameworkWouldWatch()
    {
        // The reason the defaults exist: a watched appsettings.json puts a recursive watcher on the working directory.
        Assert.Contains(JsonSources(WebApplication.CreateBuilder([]).Configuration), source => source.ReloadOnChange);
    }

    private static List<JsonConfigurationSource> JsonSources(IConfigurationBuilder configuration) =>
        configuration.Sources.OfType<JsonConfigurationSource>().ToList();
}
