using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Conformance.Tests;

/// <summary>Orthanc as the hospital PACS: it pushes to Intake, answers our C-FIND and C-MOVE, and receives our C-STORE.</summary>
public class OrthancConformanceTests(OrthancFixture fx) : IClassFixture<OrthancFixture>
{
    private DicomClient OrthancClient() =>
        new("127.0.0.1", fx.Orthanc.DicomPort, IntakeNode.AeTitle, OrthancServer.AeTitle) { Timeout = TimeSpan.FromSeconds(20) };

    private async Task UploadAsync(SimulatedStudy study)
    {
        foreach (var file in study.Files) await fx.Orthanc.UploadAsync(file);
    }

    private async Task AssertIntakeHoldsAsync(SimulatedStudy study)
    {
        foreach (var sop in study.SopInstanceUids)
            Assert.True(await fx.Intake.HoldsAsync(study.StudyUid, study.SeriesUid, sop), $"Intake does not hold {sop}");
    }

    [Fact]
    public async Task Orthanc_pushes_a_study_and_every_instance_is_durable_in_intake()
    {
        using var study = new SimulatedStudy(seed: 301);
        await UploadAsync(study);
        var orthancStudy = await fx.Orthanc.LookupAsync(study.StudyUid);
        Assert.NotNull(orthancStudy);

        var job = await fx.Orthanc.PushToIntakeAsync(orthancStudy);

        Assert.Equal(SimulatedStudy.Slices, job.GetProperty("InstancesCount").GetInt32());
        Assert.Equal(0, job.GetProperty("FailedInstancesCount").GetInt32());
        await AssertIntakeHoldsAsync(study);
    }

    // A PACS that keeps JPEG-LS: with transcoding allowed Orthanc may send it compressed or decode it first (which one
    // depends on the contexts of the association it reuses from earlier pushes); with transcoding off it offers only
    // JPEG-LS, which Intake accepts, decodes to validate and keeps. Either way Intake holds the scanner's values.
    [Theory]
    [InlineData(OrthancServer.IntakeModality, 303, "1.2.840.10008.1.2.1 or 1.2.840.10008.1.2.4.80")]
    [InlineData(OrthancServer.IntakeModalityAsStored, 304, "1.2.840.10008.1.2.4.80")]
    public async Task Orthanc_holding_a_jpeg_ls_study_pushes_it_and_intake_keeps_the_scanner_values(string modality, int seed, string arrivedSyntax)
    {
        using var study = new SimulatedStudy(seed);
        foreach (var file in study.Files)
        {
            var compressed = Path.ChangeExtension(file, ".jls.dcm");
            var run = Dicom.Tests.ExternalTool.Run("dcmcjpls", [file, compressed]);
            Assert.True(run.ExitCode == 0, run.All);
            await fx.Orthanc.UploadAsync(compressed);
        }
        var orthancStudy = await fx.Orthanc.LookupAsync(study.StudyUid);

        var job = await fx.Orthanc.PushToIntakeAsync(orthancStudy!, modality);

        Assert.Equal(0, job.GetProperty("FailedInstancesCount").GetInt32());
        await AssertIntakeHoldsAsync(study);
        for (var i = 0; i < study.Files.Count; i++)
        {
            var key = AmpaCds.Intake.Storage.SeriesKeys.Instance(study.StudyUid, study.SeriesUid, study.SopInstanceUids[i]);
            var stored = DicomFile.Open(await fx.Intake.Blobs.GetAsync(key));
            Assert.Contains(stored.TransferSyntax.Uid, arrivedSyntax.Split(" or "));
            Assert.Equal(DicomPixelData.GetFrame(DicomFile.Open(study.Files[i]).Dataset, 0), DicomPixelData.GetFrame(stored.Dataset, 0));
        }
    }

    [Fact]
    public async Task Orthanc_queries_intake_by_c_find_and_sees_the_study_it_pushed()
    {
        using var study = new SimulatedStudy(seed: 305);
        await UploadAsync(study);
        await fx.Orthanc.PushToIntakeAsync((await fx.Orthanc.LookupAsync(study.StudyUid))!);

        var answers = await fx.Orthanc.QueryIntakeAsync("Study", new() { ["PatientID"] = study.PatientId, ["StudyInstanceUID"] = "", ["NumberOfStudyRelatedInstances"] = "" });

        var answer = Assert.Single(answers);
        Assert.Equal(study.StudyUid, answer["0020,000d"]);
        Assert.Equal(SimulatedStudy.Slices.ToString(System.Globalization.CultureInfo.InvariantCulture), answer["0020,1208"]);
    }

    [Fact]
    public async Task Our_study_level_find_returns_the_study_with_its_attributes()
    {
        using var study = new SimulatedStudy(seed: 302);
        await UploadAsync(study);

        var matches = await OrthancClient().FindAsync(new DicomQuery
        {
            PatientId = study.PatientId,
            StudyDate = study.First.GetString(DicomTags.StudyDate),
            ModalitiesInStudy = "PT",
        });

        var match = Assert.Single(matches);
        Assert.Equal(study.StudyUid, match.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal(study.PatientId, match.GetString(DicomTags.PatientID));
        Assert.Equal(study.First.GetString(DicomTags.PatientName), match.GetString(DicomTags.PatientName));
        Assert.Equal(study.First.GetString(DicomTags.StudyDate), match.GetString(DicomTags.StudyDate));
        Assert.Equal(study.First.GetString(DicomTags.AccessionNumber), match.GetString(DicomTags.AccessionNumber));
        Assert.Equal("PT", match.GetString(DicomTags.ModalitiesInStudy));
        Assert.Equal(SimulatedStudy.Slices, match.GetInt(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Equal(1, match.GetInt(DicomTags.NumberOfStudyRelatedSeries));
    }

    [Fact]
    public async Task Our_find_with_a_non_matching_key_returns_nothing_and_series_level_lists_the_series()
    {
        using var study = new SimulatedStudy(seed: 303);
        await UploadAsync(study);
        var client = OrthancClient();

        Assert.Empty(await client.FindAsync(new DicomQuery { PatientId = study.PatientId, StudyDate = "19000101-19001231" }));
        Assert.Empty(await client.FindAsync(new DicomQuery { PatientId = study.PatientId, ModalitiesInStudy = "MR" }));
        var series = Assert.Single(await client.FindAsync(new DicomQuery { Level = DicomQueryLevel.Series, StudyInstanceUid = study.StudyUid }));
        Assert.Equal(study.SeriesUid, series.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal("PT", series.GetString(DicomTags.Modality));
        Assert.Equal(SimulatedStudy.Slices, series.GetInt(DicomTags.NumberOfSeriesRelatedInstances));
    }

    [Fact]
    public async Task Our_move_has_orthanc_send_the_study_to_intake()
    {
        using var study = new SimulatedStudy(seed: 304);
        await UploadAsync(study);

        var result = await OrthancClient().MoveAsync(IntakeNode.AeTitle, study.StudyUid);

        Assert.Equal(DicomStatus.Success, result.Status);
        Assert.Equal((SimulatedStudy.Slices, 0, 0, 0), (result.Completed, result.Failed, result.Warning, result.Remaining));
        await AssertIntakeHoldsAsync(study);
    }

    [Fact]
    public async Task Move_to_a_destination_orthanc_does_not_know_fails_with_unable_to_process()
    {
        using var study = new SimulatedStudy(seed: 305);
        await UploadAsync(study);

        var result = await OrthancClient().MoveAsync("NOSUCHAE", study.StudyUid);

        // Orthanc 1.10 answers 0xC000 "unable to process" rather than 0xA801 (dcmqrscp sends 0xA801, see QueryRetrieveTests).
        Assert.False(result.IsSuccess);
        Assert.Equal(DicomStatus.CannotUnderstand, result.Status);
        Assert.Equal(0, result.Completed);
    }

    [Fact]
    public async Task Our_store_scu_sends_a_study_that_orthanc_lists()
    {
        using var study = new SimulatedStudy(seed: 306);

        var results = await OrthancClient().StoreAsync(study.Files);

        Assert.All(results, r => Assert.Equal(DicomStatus.Success, r.Status));
        Assert.Equal(study.SopInstanceUids.Order(), results.Select(r => r.SopInstanceUid).Order());
        var orthancStudy = await fx.Orthanc.LookupAsync(study.StudyUid);
        Assert.NotNull(orthancStudy);
        var instances = await fx.Orthanc.GetAsync($"studies/{orthancStudy}/instances");
        Assert.Equal(SimulatedStudy.Slices, instances.GetArrayLength());
        var listed = instances.EnumerateArray().Select(i => i.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()).Order();
        Assert.Equal(study.SopInstanceUids.Order(), listed);
        var tags = await fx.Orthanc.GetAsync($"instances/{instances[0].GetProperty("ID").GetString()}/simplified-tags");
        Assert.Equal(study.PatientId, tags.GetProperty("PatientID").GetString());
        Assert.Equal("PT", tags.GetProperty("Modality").GetString());
    }
}
