using System.Globalization;
using System.Net.Sockets;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

public class NetworkRobustnessTests
{
    private static async Task<byte[]> SendRawAsync(int port, byte[] payload)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(payload);
        var answer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAtLeastAsync(answer, 1, throwOnEndOfStream: false, timeout.Token);
        return answer[..read];
    }

    [Fact]
    public async Task Garbage_pdu_gets_an_abort_and_the_server_keeps_serving_echoscu()
    {
        await using var fx = await ServerFixture.StartAsync();
        var garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray();
        var answer = await SendRawAsync(fx.Port, garbage);
        Assert.Equal((byte)PduType.Abort, answer[0]);

        var result = await ExternalTool.RunAsync("echoscu", ["-aec", "AMPACDS", "127.0.0.1", fx.Port.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public async Task Associate_request_with_item_length_past_the_end_is_aborted()
    {
        await using var fx = await ServerFixture.StartAsync();
        var pdu = PduWriter.AssociateRequest(new AssociationParameters { CalledAeTitle = "AMPACDS", CallingAeTitle = "X" });
        pdu[6 + 68 + 2] = 0xFF; // application context item length high byte
        var answer = await SendRawAsync(fx.Port, pdu);
        Assert.Equal((byte)PduType.Abort, answer[0]);
        Assert.Contains(fx.Logger.Lines, l => l.Contains("runs past the end of the PDU"));
        await new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS").EchoAsync();
    }

    [Fact]
    public async Task Silent_connection_is_closed_after_the_artim_timeout()
    {
        await using var fx = await ServerFixture.StartAsync(o => o with { ArtimTimeout = TimeSpan.FromMilliseconds(300) });
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", fx.Port);
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await client.GetStream().ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, timeout.Token);
        Assert.True(read == 0 || buffer[0] == (byte)PduType.Abort, "server should abort or close an idle connection");
    }

    [Fact]
    public async Task Unsupported_abstract_and_transfer_syntaxes_get_reasons_3_and_4()
    {
        await using var fx = await ServerFixture.StartAsync();
        var pdu = PduWriter.AssociateRequest(new AssociationParameters
        {
            CalledAeTitle = "AMPACDS",
            CallingAeTitle = "SCU",
            PresentationContexts =
            [
                new PresentationContext(1, DicomUids.CtImageStorage, [TransferSyntax.ImplicitVRLittleEndian.Uid]),
                new PresentationContext(3, DicomUids.PetImageStorage, ["1.2.840.10008.1.2.4.50"]),
                new PresentationContext(5, DicomUids.PetImageStorage, ["1.2.840.10008.1.2.4.50", TransferSyntax.ImplicitVRLittleEndian.Uid]),
            ],
        });
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", fx.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(pdu);
        var header = new byte[6];
        await stream.ReadExactlyAsync(header);
        Assert.Equal((byte)PduType.AssociateAccept, header[0]);
        var body = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        await stream.ReadExactlyAsync(body);
        var accept = PduReader.Associate(body, isAccept: true);
        Assert.Equal(
            [PresentationContextResult.AbstractSyntaxNotSupported, PresentationContextResult.TransferSyntaxesNotSupported, PresentationContextResult.Acceptance],
            accept.PresentationContexts.Select(pc => pc.Result));
        Assert.Equal(TransferSyntax.ImplicitVRLittleEndian.Uid, accept.PresentationContexts[2].AcceptedTransferSyntax);
        Assert.Equal(65536u, accept.MaxPduLength);
        Assert.Equal(DicomImplementation.ClassUid, accept.ImplementationClassUid);
    }
}
