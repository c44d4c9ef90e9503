using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>Helpers for DICOM peers started as processes.</summary>
internal static class DcmtkPeers
{
    /// <summary>Polls with C-ECHO until the peer listens (bounded: 100 tries, 100 ms apart).</summary>
    public static async Task WaitUntilEchoAsync(DicomClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.EchoAsync();
                return;
            }
            catch (Exception ex) when (attempt < 100 && ex is System.Net.Sockets.SocketException or DicomNetworkException)
            {
                await Task.Delay(100);
            }
        }
    }
}
