using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Transport;

/// <summary>
/// Stops the host before it listens when the certificate cannot be used or an endpoint would carry plain HTTP where it
/// must not (<see cref="TransportPolicy"/>). The endpoints are read from the final configuration, so environment
/// overrides (Kestrel__Endpoints__Http__Url) are what is checked.
/// </summary>
public sealed class TlsOptionsValidation(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        var failures = CertificateFailures(options).ToList();
        failures.AddRange(TransportPolicy.Check(ConfiguredEndpoints.Read(configuration), options.IsConfigured, environment.IsDevelopment()));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> CertificateFailures(TlsOptions options)
    {
        if (!options.IsConfigured)
        {
            yield break;
        }
        var certificateKey = $"{TlsOptions.Section}:{nameof(TlsOptions.CertificatePath)}";
        var keyKey = $"{TlsOptions.Section}:{nameof(TlsOptions.KeyPath)}";
        if (string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.KeyPath))
        {
            yield return $"{certificateKey} and {keyKey} go together: set both (PEM certificate and its key) or neither";
            yield break;
        }
        var missing = false;
        foreach (var (key, path) in new[] { (certificateKey, options.CertificatePath), (keyKey, options.KeyPath) })
        {
            if (!File.Exists(path))
            {
                missing = true;
                yield return $"{key}: no file at {path}";
            }
        }
        if (missing)
        {
            yield break;
        }
        string? unusable = null;
        try
        {
            using var certificate = ServerCertificate.Load(options);
            if (!certificate.HasPrivateKey)
            {
                unusable = $"{certificateKey} ({options.CertificatePath}) and {keyKey} ({options.KeyPath}) do not give a certificate with its private key";
            }
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            // ArgumentException: a key that is not the certificate's.
            unusable = $"{certificateKey} ({options.CertificatePath}) with {keyKey} ({options.KeyPath}) cannot be loaded as a PEM certificate and key: {error.Message}";
        }
        if (unusable is not null)
        {
            yield return unusable;
        }
    }
}
