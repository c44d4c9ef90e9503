using System.Globalization;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

public class DcmtkNetworkInteropTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Echoscu_gets_success_from_our_server()
    {
        await using var fx = await ServerFixture.StartAsync();
        var result = await ExternalTool.RunAsync("echoscu", ["-aet", "ECHOER", "-aec", "AMPACDS", "127.0.0.1", P(fx.Port)]);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("ECHOER", Assert.Single(fx.Handler.Accepted).CallingAeTitle);
    }

    [Fact]
    public async Task Echoscu_with_wrong_called_ae_is_rejected_with_reason_7()
    {
        await using var fx = await ServerFixture.StartAsync();
        var result = await ExternalTool.RunAsync("echoscu", ["-aec", "SOMEONE", "127.0.0.1", P(fx.Port)]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(AssociationRejection.CalledAeNotRecognized, Assert.Single(fx.Handler.Rejections));
        Assert.Contains(fx.Logger.Lines, l => l.Contains("reason 7 (called AE title not recognized)"));
    }

    [Theory]
    [InlineData("-xi", "1.2.840.10008.1.2")]
    [InlineData("-xe", "1.2.840.10008.1.2.1")]
    public async Task Storescu_sends_our_files_and_the_handler_gets_the_datasets(string proposal, string expectedSyntax)
    {
        using var dir = new TempDirectory();
        var originals = Enumerable.Range(1, 3).Select(i => TestDatasets.Pet(instanceNumber: i)).ToList();
        var paths = originals.Select((ds, i) =>
        {
            var path = dir.File($"pet{i}.dcm");
            DicomFile.Create(ds).Save(path);
            return path;
        }).ToList();
        await using var fx = await ServerFixture.StartAsync();
        var result = await ExternalTool.RunAsync("storescu", [proposal, "-aec", "AMPACDS", "127.0.0.1", P(fx.Port), .. paths]);
        Assert.True(result.ExitCode == 0, result.All);

        var received = fx.Handler.Stored.ToList();
        Assert.Equal(3, received.Count);
        for (var i = 0; i < 3; i++)
        {
            var request = received[i];
            var original = originals[i];
            Assert.Equal(expectedSyntax, request.TransferSyntaxUid);
            Assert.Equal(DicomUids.PetImageStorage, request.AffectedSopClassUid);
            Assert.Equal(original.GetString(DicomTags.SOPInstanceUID), request.AffectedSopInstanceUid);
            var ds = request.ParseDataset();
            Assert.Equal("Doe^John", ds.GetString(DicomTags.PatientName));
            Assert.Equal(12.5 * (i + 1), ds.GetDouble(DicomTags.ImagePositionPatient, 2));
            Assert.Equal(original.GetBytes(DicomTags.PixelData).ToArray(), ds.GetBytes(DicomTags.PixelData).ToArray());
            // DCMTK re-encodes (e.g. sequences to defined length); our re-write must reproduce its bytes exactly.
            Assert.Equal(request.DatasetBytes.ToArray(), DicomDatasetWriter.Write(ds, TransferSyntax.Parse(expectedSyntax)));
        }
    }

    [Fact]
    public async Task Our_client_echoes_and_stores_to_dcmtk_storescp()
    {
        using var dir = new TempDirectory();
        var port = ServerFixture.FreePort();
        using var storescp = ExternalTool.Start("storescp", ["-aet", "DCMTKSCP", "-od", dir.Path, "--fork", P(port)]);
        try
        {
            var client = new DicomClient("127.0.0.1", port, "AMPACDS", "DCMTKSCP") { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilListeningAsync(client);
            var dataset = TestDatasets.Pet(instanceNumber: 7, patientName: "Müller^Jürgen");
            var results = await client.StoreAsync([DicomFile.Create(dataset)]);
            var result = Assert.Single(results);
            Assert.Equal(DicomStatus.Success, result.Status);
            Assert.Equal(dataset.GetString(DicomTags.SOPInstanceUID), result.SopInstanceUid);

            var stored = Assert.Single(Directory.GetFiles(dir.Path));
            var dump = ExternalTool.Run("dcmdump", ["+U8", stored]);
            Assert.True(dump.ExitCode == 0, dump.All);
            Assert.Contains("(0010,0010) PN [Müller^Jürgen]", dump.StdOut);
            Assert.Contains("(0020,0013) IS [7]", dump.StdOut);
            Assert.Equal(dataset.GetBytes(DicomTags.PixelData).ToArray(), DicomFile.Open(stored).Dataset.GetBytes(DicomTags.PixelData).ToArray());
        }
        finally
        {
            storescp.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData(new string[0], "1.2.840.10008.1.2.1")]       // storescp takes uncompressed only: our client decodes
    [InlineData(new[] { "+xt" }, "1.2.840.10008.1.2.4.80")]  // storescp takes JPEG-LS: sent as it is
    public async Task Our_client_sends_a_jpeg_ls_file_compressed_or_decoded_as_the_peer_accepts(string[] storescpOptions, string arrivedSyntax)
    {
        using var dir = new TempDirectory();
        var original = TestDatasets.Pet(instanceNumber: 3);
        var source = dir.File("native.dcm");
        var compressed = dir.File("jpeg-ls.dcm");
        DicomFile.Create(original).Save(source);
        var run = ExternalTool.Run("dcmcjpls", [source, compressed]);
        Assert.True(run.ExitCode == 0, run.All);
        var received = Directory.CreateDirectory(dir.File("received")).FullName;
        var port = ServerFixture.FreePort();
        using var storescp = ExternalTool.Start("storescp", [.. storescpOptions, "-aet", "DCMTKSCP", "-od", received, P(port)]);
        try
        {
            var client = new DicomClient("127.0.0.1", port, "AMPACDS", "DCMTKSCP") { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilListeningAsync(client);

            var result = Assert.Single(await client.StoreAsync([compressed]));

            Assert.Equal(DicomStatus.Success, result.Status);
            var stored = DicomFile.Open(Assert.Single(Directory.GetFiles(received)));
            Assert.Equal(arrivedSyntax, stored.TransferSyntax.Uid);
            Assert.Equal(DicomPixelData.GetFrame(original, 0), DicomPixelData.GetFrame(stored.Dataset, 0));
        }
        finally
        {
            storescp.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitUntilListeningAsync(DicomClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.EchoAsync();
                return;
            }
            catch (Exception ex) when (attempt < 50 && ex is System.Net.Sockets.SocketException or DicomNetworkException)
            {
                await Task.Delay(100);
            }
        }
    }
}
