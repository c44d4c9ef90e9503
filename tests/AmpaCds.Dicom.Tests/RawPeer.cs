using System.Buffers.Binary;
using System.Net.Sockets;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>A hand-driven DICOM peer: writes exact byte sequences and reads whatever comes back until the server closes.</summary>
internal static class RawPeer
{
    /// <summary>
    /// Writes each chunk as its own send, half-closes (so the server never waits for more), then reads to end of stream
    /// (10 s cap) and returns the PDU types received.
    /// </summary>
    public static async Task<List<PduType>> ExchangeAsync(int port, params byte[][] chunks)
    {
        using var client = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = client.GetStream();
        try
        {
            foreach (var chunk in chunks)
            {
                await stream.WriteAsync(chunk, timeout.Token);
                await stream.FlushAsync(timeout.Token);
            }
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The server may abort and close before we finish writing; what it sent is still readable.
        }
        var received = new MemoryStream();
        try { await stream.CopyToAsync(received, timeout.Token); }
        catch (IOException) { }
        return PduTypes(received.ToArray());
    }

    private static List<PduType> PduTypes(byte[] bytes)
    {
        var types = new List<PduType>();
        var pos = 0;
        while (bytes.Length - pos >= 6)
        {
            types.Add((PduType)bytes[pos]);
            pos += 6 + (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(pos + 2));
        }
        return types;
    }

    public static byte[] AssociateRequest(string calledAe = "AMPACDS") => PduWriter.AssociateRequest(new AssociationParameters
    {
        CalledAeTitle = calledAe,
        CallingAeTitle = "RAWPEER",
        PresentationContexts = [new PresentationContext(1, DicomUids.PetImageStorage, [TransferSyntax.ExplicitVRLittleEndian.Uid])],
    });

    /// <summary>One P-DATA-TF holding one PDV.</summary>
    public static byte[] PData(byte pcId, bool isCommand, bool isLast, ReadOnlySpan<byte> data, uint? pdvLengthOverride = null)
    {
        var pdu = new byte[12 + data.Length];
        pdu[0] = (byte)PduType.PData;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)(6 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), pdvLengthOverride ?? (uint)(2 + data.Length));
        pdu[10] = pcId;
        pdu[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
        data.CopyTo(pdu.AsSpan(12));
        return pdu;
    }

    public static byte[] StoreCommand(string sopInstanceUid, ushort messageId = 1) =>
        DimseCommand.Encode(DimseCommand.StoreRequest(messageId, DicomUids.PetImageStorage, sopInstanceUid));

    /// <summary>A small dataset: enough for the recording handler, small enough to split at every byte quickly.</summary>
    public static byte[] SmallDataset(string sopInstanceUid) => DicomDatasetWriter.Write(new DicomDataset()
        .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.PetImageStorage)
        .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid)
        .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "SPLIT"), TransferSyntax.ExplicitVRLittleEndian);

    public static byte[] Header(PduType type, uint length)
    {
        var header = new byte[6];
        header[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), length);
        return header;
    }
}
