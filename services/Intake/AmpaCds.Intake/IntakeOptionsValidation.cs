using AmpaCds.Intake.Tls;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake;

/// <summary>
/// Intake's settings checked at start, each failure naming its key: a listener that cannot bind or a
/// limit of zero would otherwise show up only when a PACS first sends.
/// </summary>
public sealed class IntakeOptionsValidation : IValidateOptions<IntakeOptions>
{
    private const string Prefix = IntakeOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AeTitle) || options.AeTitle.Length > 16)
        {
            failures.Add($"{Prefix}{nameof(options.AeTitle)} must be 1 to 16 characters, not '{options.AeTitle}'");
        }
        // 0 asks the system for a free port (tests use it).
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{Prefix}{nameof(options.Port)} must be 0 to 65535, not {options.Port}");
        }
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{Prefix}{nameof(options.BindAddress)} must be an IP address, not '{options.BindAddress}'");
        }
        if (options.MaxAssociations < 1)
        {
            failures.Add($"{Prefix}{nameof(options.MaxAssociations)} must be at least 1, not {options.MaxAssociations}");
        }
        if (!(options.QuietPeriodSeconds > 0) || double.IsInfinity(options.QuietPeriodSeconds))
        {
            failures.Add($"{Prefix}{nameof(options.QuietPeriodSeconds)} must be a positive number of seconds, not {options.QuietPeriodSeconds}");
        }
        if (!(options.IncompleteSeriesTimeoutSeconds > 0) || double.IsInfinity(options.IncompleteSeriesTimeoutSeconds))
        {
            failures.Add($"{Prefix}{nameof(options.IncompleteSeriesTimeoutSeconds)} must be a positive number of seconds, not {options.IncompleteSeriesTimeoutSeconds}");
        }
        if (options.MinimumFreeDiskBytes < 0)
        {
            failures.Add($"{Prefix}{nameof(options.MinimumFreeDiskBytes)} must not be negative");
        }
        AddDicomWebFailures(options, failures);
        AddTlsFailures(options, failures);
        AddJournalFailures(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddDicomWebFailures(IntakeOptions options, List<string> failures)
    {
        const string prefix = Prefix + nameof(IntakeOptions.DicomWeb) + ":";
        var web = options.DicomWeb;
        if (web.MaxRequestBytes < 1)
        {
            failures.Add($"{prefix}{nameof(web.MaxRequestBytes)} must be positive");
        }
        if (web.MaxInstanceBytes < 1)
        {
            failures.Add($"{prefix}{nameof(web.MaxInstanceBytes)} must be positive");
        }
        if (web.MaxParts < 1)
        {
            failures.Add($"{prefix}{nameof(web.MaxParts)} must be at least 1");
        }
        if (web.MaxResults < 1)
        {
            failures.Add($"{prefix}{nameof(web.MaxResults)} must be at least 1");
        }
    }

    /// <summary>Checked only when enabled; the files are loaded here so a wrong key or an empty CA file stops the start.</summary>
    private static void AddTlsFailures(IntakeOptions options, List<string> failures)
    {
        const string prefix = Prefix + nameof(IntakeOptions.Tls) + ":";
        var tls = options.Tls;
        if (!tls.Enabled)
        {
            return;
        }
        if (tls.Port is < 0 or > 65535)
        {
            failures.Add($"{prefix}{nameof(tls.Port)} must be 0 to 65535, not {tls.Port}");
        }
        else if (tls.Port != 0 && tls.Port == options.Port)
        {
            failures.Add($"{prefix}{nameof(tls.Port)} must differ from {Prefix}{nameof(options.Port)} ({options.Port}): the plain port keeps running beside it");
        }
        var certificateFound = RequireFile(prefix + nameof(tls.CertificatePath), tls.CertificatePath, "Intake's certificate (PEM)", failures);
        var keyFound = RequireFile(prefix + nameof(tls.KeyPath), tls.KeyPath, "the certificate's private key (PEM)", failures);
        if (certificateFound && keyFound)
        {
            try
            {
                TlsCredentials.LoadServerCertificate(tls.CertificatePath, tls.KeyPath).Certificate.Dispose();
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                failures.Add($"{prefix}{nameof(tls.CertificatePath)} and {prefix}{nameof(tls.KeyPath)} are not a PEM certificate and its private key: {ex.Message}");
            }
        }
        if (!tls.RequireClientCertificate && string.IsNullOrWhiteSpace(tls.TrustedPeersCaPath))
        {
            return;
        }
        if (RequireFile(prefix + nameof(tls.TrustedPeersCaPath), tls.TrustedPeersCaPath, "the CA certificate(s) whose peers are accepted (PEM)", failures))
        {
            try
            {
                TlsCredentials.LoadTrustedCas(tls.TrustedPeersCaPath);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                failures.Add($"{prefix}{nameof(tls.TrustedPeersCaPath)} is not a PEM file of CA certificates: {ex.Message}");
            }
        }
    }

    private static bool RequireFile(string key, string path, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{key} must name {what} when {Prefix}{nameof(IntakeOptions.Tls)}:{nameof(IntakeTlsOptions.Enabled)} is true");
            return false;
        }
        if (!File.Exists(path))
        {
            failures.Add($"{key} names '{path}', which does not exist");
            return false;
        }
        return true;
    }

    private static void AddJournalFailures(IntakeOptions options, List<string> failures)
    {
        const string prefix = Prefix + nameof(IntakeOptions.Journal) + ":";
        var journal = options.Journal;
        if (journal.SegmentMegabytes is < 1 or > 1024)
        {
            failures.Add($"{prefix}{nameof(journal.SegmentMegabytes)} must be 1 to 1024, not {journal.SegmentMegabytes}");
        }
        if (journal.FileWriteIdleMilliseconds < 0)
        {
            failures.Add($"{prefix}{nameof(journal.FileWriteIdleMilliseconds)} must not be negative");
        }
        if (journal.IdleCheckpointMilliseconds < 0)
        {
            failures.Add($"{prefix}{nameof(journal.IdleCheckpointMilliseconds)} must not be negative");
        }
    }
}
