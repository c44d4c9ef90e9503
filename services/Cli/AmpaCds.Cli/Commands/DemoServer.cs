using System.Security.Cryptography;
using AmpaCds.Cli.Embedded;
using AmpaCds.Research.Simulation;
using AmpaCds.Security.Access;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds demo --serve`: after the demo, the same data served on loopback so a person can sign in to the portal and
/// read the report in the browser. The demo psychiatrist is the synthetic study's referring physician, and also holds the ops
/// and researcher roles so the operations and research pages can be seen on the same sign-in.
/// </summary>
public static class DemoServer
{
    public const string DemoUser = "demo";

    public static async Task<int> ServeAsync(string outputFolder, int httpPort, CancellationToken cancellation)
    {
        var dataRoot = Path.Combine(outputFolder, "data");
        // A password given in AMPACDS_PASSWORD is used; otherwise one is made for this run and shown once.
        var password = Environment.GetEnvironmentVariable(AuthCommand.PasswordVariable) is { Length: > 0 } given
            ? given
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        LocalUsersCommand.Upsert(Path.Combine(dataRoot, "auth", "users.json"), DemoUser, [Roles.Psychiatrist, Roles.Ops, Roles.Researcher], "Demo psychiatrist",
            PetAcquisitionOptions.DefaultReferringPhysician, password);
        await EmbeddedServer.RunAsync(dataRoot, new EmbeddedServer.Ports(11112, 5080, httpPort), ports =>
        {
            Console.Out.WriteLine($"portal: {ports.PortalAddress}  (sign in as '{DemoUser}', password {password}); Ctrl+C stops");
            Console.Out.WriteLine($"DICOM: 127.0.0.1:{ports.Dicom} (AE AMPACDS), gRPC: http://127.0.0.1:{ports.Grpc}");
        }, cancellation);
        return 0;
    }
}
