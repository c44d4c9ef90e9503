using System.Diagnostics;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

public class ClientServerTests
{
    private static DicomClient Client(ServerFixture fx, string calling = "SCU", string called = "AMPACDS") =>
        new("127.0.0.1", fx.Port, calling, called) { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Echo_succeeds_against_our_server()
    {
        await using var fx = await ServerFixture.StartAsync();
        await Client(fx).EchoAsync();
        Assert.Equal("SCU", Assert.Single(fx.Handler.Accepted).CallingAeTitle);
    }

    [Fact]
    public async Task Failed_instance_reports_its_status_and_the_next_one_on_the_association_succeeds()
    {
        await using var fx = await ServerFixture.StartAsync();
        var files = Enumerable.Range(1, 3).Select(i => DicomFile.Create(TestDatasets.Pet(instanceNumber: i))).ToList();
        var rejected = files[1].Dataset.GetString(DicomTags.SOPInstanceUID);
        fx.Handler.Decide = r => r.AffectedSopInstanceUid == rejected ? DicomStatus.DatasetDoesNotMatchSopClass : DicomStatus.Success;

        var results = await Client(fx).StoreAsync(files);

        Assert.Equal([DicomStatus.Success, DicomStatus.DatasetDoesNotMatchSopClass, DicomStatus.Success], results.Select(r => r.Status));
        Assert.Equal(rejected, results[1].SopInstanceUid);
        Assert.Single(fx.Handler.Accepted); // one association for all three
        Assert.Equal(3, fx.Handler.Stored.Count);
    }

    [Fact]
    public async Task Handler_exception_becomes_cannot_understand_with_comment_and_association_survives()
    {
        await using var fx = await ServerFixture.StartAsync();
        var calls = 0;
        fx.Handler.Decide = _ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("disk full") : DicomStatus.Success;
        var files = Enumerable.Range(1, 2).Select(i => DicomFile.Create(TestDatasets.Pet(instanceNumber: i))).ToList();

        var results = await Client(fx).StoreAsync(files);

        Assert.Equal(DicomStatus.CannotUnderstand, results[0].Status);
        Assert.Equal("disk full", results[0].ErrorComment);
        Assert.Equal(DicomStatus.Success, results[1].Status);
    }

    [Fact]
    public async Task Client_converts_to_the_accepted_syntax_and_fragments_to_the_peer_max_pdu()
    {
        // Server accepts Implicit only and a small PDU, so a 32 KB image must be converted and split into several PDUs.
        await using var fx = await ServerFixture.StartAsync(o => o with
        {
            TransferSyntaxes = [TransferSyntax.ImplicitVRLittleEndian.Uid],
            MaxPduLength = 16384,
        });
        var ds = TestDatasets.Pet();
        var pixels = Enumerable.Range(0, 128 * 128).Select(i => (ushort)(i * 7)).ToArray();
        DicomPixelData.SetPixelData(ds, 128, 128, pixels);
        var deflatedFile = DicomFile.Create(ds, TransferSyntax.DeflatedExplicitVRLittleEndian.Uid);

        var result = Assert.Single(await Client(fx).StoreAsync([deflatedFile]));

        Assert.Equal(DicomStatus.Success, result.Status);
        var request = Assert.Single(fx.Handler.Stored);
        Assert.Equal(TransferSyntax.ImplicitVRLittleEndian.Uid, request.TransferSyntaxUid);
        Assert.Equal(DicomDatasetWriter.Write(ds, TransferSyntax.ImplicitVRLittleEndian), request.DatasetBytes.ToArray());
        Assert.Equal(pixels.Select(p => (float)p), DicomPixelData.GetFrame(request.ParseDataset(), 0));
    }

    [Fact]
    public async Task Unsupported_sop_class_is_reported_without_sending()
    {
        await using var fx = await ServerFixture.StartAsync();
        var ct = TestDatasets.Pet().AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CtImageStorage);
        var results = await Client(fx).StoreAsync([DicomFile.Create(ct), DicomFile.Create(TestDatasets.Pet())]);
        Assert.Equal([DicomStatus.SopClassNotSupported, DicomStatus.Success], results.Select(r => r.Status));
        Assert.Single(fx.Handler.Stored);
    }

    [Fact]
    public async Task Calling_ae_not_in_allow_list_is_rejected_with_reason_3()
    {
        await using var fx = await ServerFixture.StartAsync(o => o with { AllowedCallingAeTitles = ["SCANNER1"] });
        var ex = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Client(fx, calling: "INTRUDER").EchoAsync());
        Assert.Equal((1, 1, 3), (ex.Result, ex.RejectSource, ex.Reason));
        await Client(fx, calling: "SCANNER1").EchoAsync();
    }

    [Fact]
    public async Task Wrong_called_ae_is_rejected_permanently_with_reason_7()
    {
        await using var fx = await ServerFixture.StartAsync();
        var ex = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => Client(fx, called: "OTHER").EchoAsync());
        Assert.Equal((1, 1, 7), (ex.Result, ex.RejectSource, ex.Reason));
    }

    [Fact]
    public async Task Associations_beyond_the_limit_are_rejected_transiently()
    {
        await using var fx = await ServerFixture.StartAsync(o => o with { MaxAssociations = 1 });
        var client = Client(fx);
        await using var held = await DicomClientAssociation.OpenAsync(client,
            [new PresentationContext(1, DicomUids.Verification, [TransferSyntax.ImplicitVRLittleEndian.Uid])], CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => client.EchoAsync());
        Assert.Equal((2, 3, 2), (ex.Result, ex.RejectSource, ex.Reason));
        await held.ReleaseAsync(CancellationToken.None);
        await WaitForAsync(() => client.EchoAsync());
    }

    [Fact]
    public async Task Concurrent_associations_are_served_in_parallel()
    {
        await using var fx = await ServerFixture.StartAsync();
        var tasks = Enumerable.Range(0, 6).Select(i => Client(fx, calling: $"SCU{i}")
            .StoreAsync([DicomFile.Create(TestDatasets.Pet(instanceNumber: i + 1))]));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(DicomStatus.Success, Assert.Single(r).Status));
        Assert.Equal(6, fx.Handler.Stored.Count);
    }

    [Fact]
    public async Task Five_hundred_pet_slices_store_quickly_over_one_association()
    {
        await using var fx = await ServerFixture.StartAsync();
        var files = Enumerable.Range(1, 500).Select(i =>
        {
            var ds = TestDatasets.Pet(instanceNumber: i);
            DicomPixelData.SetPixelData(ds, 128, 128, new ushort[128 * 128]);
            return DicomFile.Create(ds);
        }).ToList();
        var client = Client(fx);
        await client.StoreAsync(files.Take(5)); // warm up JIT and sockets
        while (fx.Handler.Stored.TryDequeue(out _)) { }

        var stopwatch = Stopwatch.StartNew();
        var results = await client.StoreAsync(files);
        stopwatch.Stop();

        Assert.All(results, r => Assert.Equal(DicomStatus.Success, r.Status));
        Assert.Equal(500, fx.Handler.Stored.Count);
        // Generous bound for a loaded 2-core CI box; typical runs are far below (see README).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"500 instances took {stopwatch.ElapsedMilliseconds} ms");
        Console.WriteLine($"500 x 128x128 C-STORE: {stopwatch.ElapsedMilliseconds} ms");
    }

    internal static async Task WaitForAsync(Func<Task> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (DicomNetworkException) when (attempt < 50)
            {
                await Task.Delay(50);
            }
        }
    }
}
