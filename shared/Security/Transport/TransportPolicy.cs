using System.Net;

namespace AmpaCds.Security.Transport;

/// <summary>
/// Decides whether a host may start with its endpoints and certificate. With a certificate every endpoint must be
/// https:// (an http:// URL is refused, not silently upgraded: the configuration is what operators, probes and clients
/// read, so it must say what the wire carries). Without one, plain HTTP is allowed only to a Development host whose every
/// endpoint binds a loopback address, where nothing leaves the machine.
/// </summary>
public static class TransportPolicy
{
    private const string HowToConfigure =
        $"set {TlsOptions.Section}:{nameof(TlsOptions.CertificatePath)} and {TlsOptions.Section}:{nameof(TlsOptions.KeyPath)} " +
        "(PEM; environment AmpaCds__Tls__CertificatePath, AmpaCds__Tls__KeyPath; deploy/certs.sh makes pki/server.crt and server.key) " +
        "and give every endpoint an https:// URL";

    /// <summary>Every reason the host must not start; empty when it may.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<ConfiguredEndpoint> endpoints, bool certificateConfigured, bool isDevelopment)
    {
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (!Uri.TryCreate(ReplaceWildcardHost(endpoint.Url), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{endpoint.Key} is '{endpoint.Url}', not an http:// or https:// URL");
                continue;
            }
            var secure = uri.Scheme == Uri.UriSchemeHttps;
            if (certificateConfigured && !secure)
            {
                failures.Add($"{endpoint.Key} is {endpoint.Url}: {TlsOptions.Section} is configured, so every endpoint serves TLS; " +
                             $"write it as https://{endpoint.Url["http://".Length..]} (http:// URLs are refused, not upgraded, so the configuration says what the wire carries)");
            }
            else if (!certificateConfigured && secure)
            {
                failures.Add($"{endpoint.Key} is {endpoint.Url} but there is no certificate: {HowToConfigure}");
            }
            else if (!certificateConfigured && !isDevelopment)
            {
                failures.Add($"{endpoint.Key} is {endpoint.Url} without TLS: outside the Development environment every endpoint must serve HTTPS; {HowToConfigure}");
            }
            else if (!certificateConfigured && !IsLoopback(endpoint.Url))
            {
                failures.Add($"{endpoint.Key} is {endpoint.Url} without TLS: plain HTTP is allowed only on a loopback address (127.0.0.1, ::1, localhost); " +
                             $"bind 127.0.0.1 or {HowToConfigure}");
            }
        }
        return failures;
    }

    /// <summary>Whether Kestrel binds only this machine's loopback for the URL (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(ReplaceWildcardHost(url), UriKind.Absolute, out var uri))
        {
            return false;
        }
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    // Kestrel accepts http://*:5000 and http://+:5000 (every address), which Uri does not parse; both bind every interface.
    private static string ReplaceWildcardHost(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}
