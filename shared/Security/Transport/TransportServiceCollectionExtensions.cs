using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Transport;

public static class TransportServiceCollectionExtensions
{
    /// <summary>
    /// Every host calls this: with AmpaCds:Tls configured, every https:// Kestrel endpoint (HTTP/1.1, and HTTP/2 for gRPC,
    /// negotiated by ALPN) serves that certificate with TLS 1.2 or 1.3 only; the start is refused, naming the endpoint,
    /// when an endpoint would carry plain HTTP where it must not (<see cref="TransportPolicy"/>).
    /// </summary>
    public static IServiceCollection AddAmpaCdsTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TlsOptions>()
            .Bind(configuration.GetSection(TlsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TlsOptions>, TlsOptionsValidation>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<TlsOptions>>((kestrel, tls) =>
            // Kestrel calls this when it binds the https:// endpoints, after ValidateOnStart has judged AmpaCds:Tls and the
            // endpoints; reading the options earlier (WebApplicationBuilder.Build resolves the server) would turn a refused
            // configuration into an unhandled exception instead of the host's start failure.
            kestrel.ConfigureHttpsDefaults(https =>
            {
                var options = tls.Value;
                if (!options.IsConfigured)
                {
                    return;
                }
                https.ServerCertificate = ServerCertificate.Load(options);
                // BCP 195: TLS 1.0 and 1.1 are deprecated (RFC 8996).
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            }));
        return services;
    }
}
