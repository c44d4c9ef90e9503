using System.Globalization;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>Our C-FIND / C-MOVE SCU against DCMTK's dcmqrscp, a real Study Root Q/R SCP.</summary>
public class QueryRetrieveTests
{
    private const string StudyA = "1.2.826.0.1.3680043.10.1462.77.1";
    private const string SeriesA = "1.2.826.0.1.3680043.10.1462.77.1.1";
    private const string StudyB = "1.2.826.0.1.3680043.10.1462.77.2";

    [Fact]
    public async Task Study_level_find_by_patient_id_returns_only_that_patients_study()
    {
        await using var qr = await QrScp.StartAsync();
        var matches = await qr.Client.FindAsync(new DicomQuery { PatientId = "PAT-A" });
        var study = Assert.Single(matches);
        Assert.Equal(StudyA, study.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("PAT-A", study.GetString(DicomTags.PatientID));
        Assert.Equal("Doe^John", study.GetString(DicomTags.PatientName));
        Assert.Equal("20240131", study.GetString(DicomTags.StudyDate));
        Assert.Equal("STUDY", study.GetString(DicomTags.QueryRetrieveLevel));
    }

    [Theory]
    [InlineData("20240101-20240201", StudyA)]
    [InlineData("20250101-", StudyB)]
    [InlineData("20250607", StudyB)]
    public async Task Study_date_ranges_select_the_right_study(string range, string expectedStudy)
    {
        await using var qr = await QrScp.StartAsync();
        var matches = await qr.Client.FindAsync(new DicomQuery { StudyDate = range });
        Assert.Equal(expectedStudy, Assert.Single(matches).GetString(DicomTags.StudyInstanceUID));
    }

    [Fact]
    public async Task Wildcard_patient_id_collects_every_pending_response()
    {
        await using var qr = await QrScp.StartAsync();
        var matches = await qr.Client.FindAsync(new DicomQuery { PatientId = "PAT-*" });
        Assert.Equal(new[] { StudyA, StudyB }, matches.Select(m => m.GetString(DicomTags.StudyInstanceUID) ?? "").Order().ToArray());
    }

    [Fact]
    public async Task Series_level_find_lists_the_series_of_a_study()
    {
        await using var qr = await QrScp.StartAsync();
        var matches = await qr.Client.FindAsync(new DicomQuery { Level = DicomQueryLevel.Series, StudyInstanceUid = StudyA });
        var series = Assert.Single(matches);
        Assert.Equal(SeriesA, series.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal("PT", series.GetString(DicomTags.Modality));
        Assert.Equal("SERIES", series.GetString(DicomTags.QueryRetrieveLevel));
    }

    [Fact]
    public void Series_query_without_a_study_is_refused_before_sending()
    {
        var error = Assert.Throws<ArgumentException>(() => new DicomQuery { Level = DicomQueryLevel.Series }.ToIdentifier());
        Assert.Contains("StudyInstanceUid", error.Message);
    }

    [Fact]
    public async Task Move_sends_the_study_to_the_destination_and_reports_sub_operation_counts()
    {
        await using var qr = await QrScp.StartAsync();
        var result = await qr.Client.MoveAsync("DEST", StudyA);
        Assert.Equal(DicomStatus.Success, result.Status);
        Assert.Equal((3, 0, 0, 0), (result.Completed, result.Failed, result.Warning, result.Remaining));
        var received = qr.Destination.Handler.Stored.Select(r => r.ParseDataset()).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, ds => Assert.Equal(StudyA, ds.GetString(DicomTags.StudyInstanceUID)));
        Assert.Equal([1, 2, 3], received.Select(ds => ds.GetInt(DicomTags.InstanceNumber)).Order().ToArray());
        Assert.Equal("QRSCP", qr.Destination.Handler.Accepted.Single().CallingAeTitle);
    }

    [Fact]
    public async Task Move_to_an_unknown_destination_returns_the_scps_refusal()
    {
        await using var qr = await QrScp.StartAsync();
        var result = await qr.Client.MoveAsync("NOBODY", StudyA);
        Assert.Equal(DicomStatus.MoveDestinationUnknown, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Empty(qr.Destination.Handler.Stored);
    }

    // dcmqrscp 3.6.7 crashes after the first association in single-process mode (-s), so it runs forking.
    /// <summary>dcmqrscp over an indexed database of two studies (A: 3 instances, B: 1), with our server as move destination.</summary>
    private sealed class QrScp : IAsyncDisposable
    {
        private readonly TempDirectory _dir;
        private readonly System.Diagnostics.Process _process;

        private QrScp(TempDirectory dir, System.Diagnostics.Process process, ServerFixture destination, DicomClient client)
        {
            _dir = dir;
            _process = process;
            Destination = destination;
            Client = client;
        }

        public ServerFixture Destination { get; }
        public DicomClient Client { get; }

        public static async Task<QrScp> StartAsync()
        {
            var dir = new TempDirectory();
            var db = Directory.CreateDirectory(dir.File("db")).FullName;
            var files = new List<string>();
            for (var i = 1; i <= 3; i++) files.Add(Write(db, TestDatasets.Pet(instanceNumber: i), "PAT-A", StudyA, SeriesA, "20240131"));
            files.Add(Write(db, TestDatasets.Pet(instanceNumber: 1), "PAT-B", StudyB, StudyB + ".1", "20250607"));
            var index = ExternalTool.Run("dcmqridx", [db, .. files]);
            Assert.True(index.ExitCode == 0, index.All);

            var destination = await ServerFixture.StartAsync(o => o with { AeTitle = "DEST" });
            var port = ServerFixture.FreePort();
            var config = dir.File("qr.cfg");
            File.WriteAllText(config, $"""
                NetworkTCPPort = {port}
                MaxPDUSize = 16384
                MaxAssociations = 16
                HostTable BEGIN
                dest = (DEST, 127.0.0.1, {destination.Port})
                HostTable END
                VendorTable BEGIN
                VendorTable END
                AETable BEGIN
                QRSCP {db} RW (100, 64mb) ANY
                AETable END
                """);
            var process = ExternalTool.Start("dcmqrscp", ["-c", config, port.ToString(CultureInfo.InvariantCulture)]);
            var client = new DicomClient("127.0.0.1", port, "AMPACDS", "QRSCP") { Timeout = TimeSpan.FromSeconds(10) };
            await DcmtkPeers.WaitUntilEchoAsync(client);
            return new QrScp(dir, process, destination, client);
        }

        private static string Write(string db, DicomDataset ds, string patientId, string study, string series, string date)
        {
            ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, patientId)
              .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study)
              .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, series)
              .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, date);
            var path = Path.Combine(db, ds.GetString(DicomTags.SOPInstanceUID) + ".dcm");
            DicomFile.Create(ds).Save(path);
            return path;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            await Destination.DisposeAsync();
            _dir.Dispose();
        }
    }
}
