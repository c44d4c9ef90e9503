using System.Net;
using System.Net.Sockets;

namespace AmpaCds.Deployment.Tests;

/// <summary>
/// deploy/postgres.sh against a real server: a cluster of its own in a temporary state folder on a free
/// port, so it never meets the one deploy/test.sh or run-local.sh started.
/// </summary>
public sealed class PrivatePostgresTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private readonly string state = Path.Combine(Path.GetTempPath(), $"ampacds-postgres-test-{Guid.NewGuid():N}");
    private readonly int port = FreePort();

    [Fact]
    public void StartsALoopbackClusterWithTheServiceDatabasesAndStopsIt()
    {
        var started = Script("start");
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Contains($"running on 127.0.0.1:{port}", started.Output, StringComparison.Ordinal);

        Assert.Equal("127.0.0.1", Sql("SHOW listen_addresses"));
        Assert.Equal(
            ["ampacds", "ampacds_intake", "ampacds_prediction", "ampacds_quantification", "ampacds_reporting"],
            Sql("SELECT datname FROM pg_database WHERE datname LIKE 'ampacds%' ORDER BY datname").Split('\n'));
        Assert.Equal("t", Sql("SELECT rolsuper FROM pg_roles WHERE rolname = 'ampacds'"));
        Assert.Equal("UTF8", Sql("SHOW server_encoding"));
        // The socket is in the state folder, not /var/run/postgresql.
        Assert.Equal(Path.Combine(state, "postgres", "run"), Sql("SHOW unix_socket_directories"));
        Assert.True(File.Exists(Path.Combine(state, "postgres", "run", $".s.PGSQL.{port}")));

        var again = Script("start");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(
            $"Host=127.0.0.1;Port={port};Username=ampacds;Database=ampacds_reporting",
            Script("url", "ampacds_reporting").Output.Trim());

        var stopped = Script("stop");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.NotEqual(0, Script("status").ExitCode);
        Assert.False(Accepts(port), $"port {port} still accepts connections after stop");
    }

    [Fact]
    public void APortHeldBySomeoneElseIsAClearError()
    {
        var holder = new TcpListener(IPAddress.Loopback, port);
        holder.Start();
        try
        {
            var refused = Script("start");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"port {port} is taken", refused.Error, StringComparison.Ordinal);
            Assert.Contains("AMPACDS_POSTGRES_PORT", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            holder.Stop();
        }
    }

    public void Dispose()
    {
        Script("stop");
        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private ScriptRun Script(params string[] arguments) =>
        ScriptRun.Start("bash", [Path.Combine(Yaml.Root, "deploy", "postgres.sh"), .. arguments], Environment(), ScriptTimeout);

    private string Sql(string query)
    {
        var run = ScriptRun.Start(
            "/usr/bin/psql",
            ["-X", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "ampacds", "-d", "ampacds", "-tAc", query],
            new Dictionary<string, string>(StringComparer.Ordinal),
            ClientTimeout);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["AMPACDS_STATE"] = state,
        ["AMPACDS_POSTGRES_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
