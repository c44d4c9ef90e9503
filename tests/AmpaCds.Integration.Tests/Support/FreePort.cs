using System.Net;
using System.Net.Sockets;

namespace AmpaCds.Integration.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback port free right now; the OS hands out a different one each call.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
