using Microsoft.Extensions.Configuration;

namespace AmpaCds.Security.Transport;

/// <summary>
/// The addresses Kestrel binds, read the way Kestrel reads them: the named endpoints under Kestrel:Endpoints win;
/// without any, the `urls` setting (ASPNETCORE_URLS, --urls); without that, Kestrel's default http://localhost:5000.
/// </summary>
public static class ConfiguredEndpoints
{
    public const string KestrelEndpointsSection = "Kestrel:Endpoints";

    public const string UrlsKey = "urls";

    public const string KestrelDefaultUrl = "http://localhost:5000";

    public static IReadOnlyList<ConfiguredEndpoint> Read(IConfiguration configuration)
    {
        var named = configuration.GetSection(KestrelEndpointsSection).GetChildren()
            .Select(endpoint => new ConfiguredEndpoint($"{KestrelEndpointsSection}:{endpoint.Key}:Url", endpoint["Url"] ?? ""))
            .ToList();
        if (named.Count > 0)
        {
            return named;
        }
        var urls = configuration[UrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(url => new ConfiguredEndpoint(UrlsKey, url))
                .ToList();
        }
        return [new ConfiguredEndpoint($"{KestrelEndpointsSection} (none configured, Kestrel's default)", KestrelDefaultUrl)];
    }
}
