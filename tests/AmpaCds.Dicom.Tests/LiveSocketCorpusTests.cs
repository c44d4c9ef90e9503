using System.Globalization;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>
/// Malformed and fragmented PDU streams against a live <see cref="DicomServer"/>: every case ends in an A-ABORT or a close,
/// within the exchange timeout, memory does not grow with what peers claim, and the server still answers C-ECHO.
/// </summary>
public class LiveSocketCorpusTests
{
    private const string Sop = "1.2.826.0.1.3680043.10.1462.55.1";

    public static TheoryData<string, byte[][]> BeforeAssociation() => new()
    {
        { "unknown PDU type", [[0x99, 0, 0, 0, 0, 4, 1, 2, 3, 4]] },
        { "A-ASSOCIATE-RQ claiming 4 GB", [RawPeer.Header(PduType.AssociateRequest, 0xFFFF_FFF0), new byte[64]] },
        { "P-DATA before association", [RawPeer.PData(1, true, true, RawPeer.StoreCommand(Sop))] },
        { "A-ASSOCIATE-RQ shorter than its fixed part", [RawPeer.Header(PduType.AssociateRequest, 10), new byte[10]] },
        { "A-ASSOCIATE-RQ of zero length", [RawPeer.Header(PduType.AssociateRequest, 0)] },
        { "A-RELEASE-RQ before association", [RawPeer.Header(PduType.ReleaseRequest, 4), new byte[4]] },
    };

    public static TheoryData<string, byte[][]> DuringAssociation() => new()
    {
        { "PDV longer than its PDU", [RawPeer.PData(1, true, true, RawPeer.StoreCommand(Sop), pdvLengthOverride: 5000)] },
        { "PDV length below 2", [RawPeer.PData(1, true, true, RawPeer.StoreCommand(Sop), pdvLengthOverride: 1)] },
        { "P-DATA claiming 4 GB", [RawPeer.Header(PduType.PData, 0xFFFF_FFF0), new byte[64]] },
        { "garbage command set", [RawPeer.PData(1, true, true, "not a DIMSE command at all"u8)] },
        { "message on a context never accepted", [RawPeer.PData(99, true, true, DimseCommand.Encode(DimseCommand.EchoRequest(1)))] },
        { "command without Command Field", [RawPeer.PData(1, true, true, DimseCommand.Encode(new DicomDataset()
            .AddOrUpdate(DimseCommand.MessageId, DicomVR.US, 1).AddOrUpdate(DimseCommand.CommandDataSetType, DicomVR.US, 0x0101)))] },
        { "second A-ASSOCIATE-RQ", [RawPeer.AssociateRequest()] },
        { "dataset past the 64 KB limit", [RawPeer.PData(1, true, true, RawPeer.StoreCommand(Sop)),
            .. Enumerable.Repeat(RawPeer.PData(1, false, false, new byte[16_000]), 6)] },
        { "endless command fragments", [.. Enumerable.Repeat(RawPeer.PData(1, true, false, new byte[16_000]), 6)] },
    };

    private static Task<ServerFixture> StartAsync() =>
        ServerFixture.StartAsync(o => o with { MaxDataSetLength = 64 * 1024, ArtimTimeout = TimeSpan.FromSeconds(5) });

    [Theory]
    [MemberData(nameof(BeforeAssociation))]
    public async Task Garbage_before_association_is_aborted_and_the_server_still_echoes(string name, byte[][] chunks)
    {
        await using var fx = await StartAsync();
        var answer = await RawPeer.ExchangeAsync(fx.Port, chunks);
        Assert.True(answer is [PduType.Abort], $"{name}: got {string.Join(",", answer)}");
        await new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS").EchoAsync();
    }

    [Theory]
    [MemberData(nameof(DuringAssociation))]
    public async Task Garbage_during_an_association_is_aborted_and_the_server_still_echoes(string name, byte[][] chunks)
    {
        await using var fx = await StartAsync();
        var answer = await RawPeer.ExchangeAsync(fx.Port, [RawPeer.AssociateRequest(), .. chunks]);
        Assert.True(answer is [PduType.AssociateAccept, .., PduType.Abort], $"{name}: got {string.Join(",", answer)}");
        Assert.Empty(fx.Handler.Stored);
        Assert.Contains(fx.Logger.Lines, l => l.Contains("Aborting association"));
        var echo = await ExternalTool.RunAsync("echoscu", ["-aec", "AMPACDS", "127.0.0.1", fx.Port.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(echo.ExitCode == 0, echo.All);
    }

    [Fact]
    public async Task Valid_store_stream_split_at_every_byte_boundary_is_received_intact_each_time()
    {
        await using var fx = await ServerFixture.StartAsync();
        var stream = RawPeer.AssociateRequest()
            .Concat(RawPeer.PData(1, true, true, RawPeer.StoreCommand(Sop)))
            .Concat(RawPeer.PData(1, false, true, RawPeer.SmallDataset(Sop)))
            .Concat(RawPeer.Header(PduType.ReleaseRequest, 4)).Concat(new byte[4]).ToArray();
        var splits = Enumerable.Range(1, stream.Length - 1).ToList();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        await Parallel.ForEachAsync(splits, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (split, _) =>
        {
            var answer = await RawPeer.ExchangeAsync(fx.Port, stream[..split], stream[split..]);
            Assert.True(answer is [PduType.AssociateAccept, PduType.PData, PduType.ReleaseResponse],
                $"split at {split}: got {string.Join(",", answer)}");
        });

        Assert.Equal(splits.Count, fx.Handler.Stored.Count);
        Assert.All(fx.Handler.Stored, r => Assert.Equal("SPLIT", r.ParseDataset().GetString(DicomTags.PatientID)));
        fx.Handler.Stored.Clear();
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < 16 * 1024 * 1024, $"memory grew by {grown} bytes over {splits.Count} associations");
    }

    [Fact]
    public async Task Peers_claiming_huge_lengths_do_not_make_the_server_allocate_them()
    {
        await using var fx = await StartAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 20; i++)
        {
            await RawPeer.ExchangeAsync(fx.Port, RawPeer.Header(PduType.AssociateRequest, 0xFFFF_FFF0));
            await RawPeer.ExchangeAsync(fx.Port, RawPeer.AssociateRequest(), RawPeer.Header(PduType.PData, 0xFFFF_FFF0));
            await RawPeer.ExchangeAsync(fx.Port, RawPeer.AssociateRequest(), RawPeer.PData(1, false, false, new byte[60_000]));
        }
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < 16 * 1024 * 1024, $"memory grew by {grown} bytes");
        await new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS").EchoAsync();
    }
}
