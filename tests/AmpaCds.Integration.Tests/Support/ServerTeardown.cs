namespace AmpaCds.Integration.Tests.Support;

public static class ServerTeardown
{
    /// <summary>Kills the server if one was started, then removes the test's folder (best effort: a file still open is left).</summary>
    public static async Task StopAndDeleteAsync(ServiceProcess? server, string folder)
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
