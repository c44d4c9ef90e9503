using AmpaCds.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tests.Tls;

/// <summary>AmpaCds:Intake:Tls checked at start: each failure names its full key, files are read, not just looked for.</summary>
public sealed class DicomTlsOptionsValidationTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private static OptionsValidationException Refusal(Dictionary<string, string?> settings)
    {
        settings["AmpaCds:DataRoot"] = Path.GetTempPath();
        settings["AmpaCds:Intake:ListenerEnabled"] = "false";
        settings["AmpaCds:Intake:Tls:Enabled"] = "true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IntakeOptions>>().Value);
    }

    private Dictionary<string, string?> Valid() => new()
    {
        ["AmpaCds:Intake:Tls:CertificatePath"] = certificates.File("server.crt"),
        ["AmpaCds:Intake:Tls:KeyPath"] = certificates.File("server.key"),
        ["AmpaCds:Intake:Tls:TrustedPeersCaPath"] = certificates.CaCertificate,
    };

    [Fact]
    public void EnabledWithoutFilesNamesEachMissingKey()
    {
        var error = Refusal([]);

        Assert.Equal(
        [
            "AmpaCds:Intake:Tls:CertificatePath must name Intake's certificate (PEM) when AmpaCds:Intake:Tls:Enabled is true",
            "AmpaCds:Intake:Tls:KeyPath must name the certificate's private key (PEM) when AmpaCds:Intake:Tls:Enabled is true",
            "AmpaCds:Intake:Tls:TrustedPeersCaPath must name the CA certificate(s) whose peers are accepted (PEM) when AmpaCds:Intake:Tls:Enabled is true",
        ], error.Failures);
    }

    [Fact]
    public void AMissingFileAndABadPortAreNamed()
    {
        var settings = Valid();
        var missing = Path.Combine(certificates.Pki, "no-such.crt");
        settings["AmpaCds:Intake:Tls:CertificatePath"] = missing;
        settings["AmpaCds:Intake:Tls:Port"] = "70000";

        var error = Refusal(settings);

        Assert.Equal(
        [
            "AmpaCds:Intake:Tls:Port must be 0 to 65535, not 70000",
            $"AmpaCds:Intake:Tls:CertificatePath names '{missing}', which does not exist",
        ], error.Failures);
    }

    [Fact]
    public void TheTlsPortMustNotBeThePlainPort()
    {
        var settings = Valid();
        settings["AmpaCds:Intake:Port"] = "11112";
        settings["AmpaCds:Intake:Tls:Port"] = "11112";

        var error = Refusal(settings);

        Assert.Equal(["AmpaCds:Intake:Tls:Port must differ from AmpaCds:Intake:Port (11112): the plain port keeps running beside it"], error.Failures);
    }

    [Fact]
    public void AKeyThatIsNotTheCertificatesIsRefused()
    {
        var settings = Valid();
        settings["AmpaCds:Intake:Tls:KeyPath"] = certificates.File("stranger.key");

        var error = Refusal(settings);

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("AmpaCds:Intake:Tls:CertificatePath and AmpaCds:Intake:Tls:KeyPath are not a PEM certificate and its private key: ", failure);
    }

    [Fact]
    public void ACaFileWithoutCertificatesIsRefused()
    {
        var settings = Valid();
        // A key file holds PEM, but no certificate.
        settings["AmpaCds:Intake:Tls:TrustedPeersCaPath"] = certificates.File("ca.key");

        var error = Refusal(settings);

        var failure = Assert.Single(error.Failures);
        Assert.Equal($"AmpaCds:Intake:Tls:TrustedPeersCaPath is not a PEM file of CA certificates: {certificates.File("ca.key")} holds no PEM certificate", failure);
    }

    [Fact]
    public void TheCertsShFilesAreValid()
    {
        var settings = Valid();
        settings["AmpaCds:DataRoot"] = Path.GetTempPath();
        settings["AmpaCds:Intake:ListenerEnabled"] = "false";
        settings["AmpaCds:Intake:Tls:Enabled"] = "true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(AmpaCds.Intake.Tls.IntakeTlsOptions.RegisteredPort, provider.GetRequiredService<IOptions<IntakeOptions>>().Value.Tls.Port);
    }
}
