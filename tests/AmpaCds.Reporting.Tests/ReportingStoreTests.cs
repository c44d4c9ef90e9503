using System.Text;
using System.Text.Json;
using AmpaCds.Contracts.Messages;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Research;
using AmpaCds.Reporting.Tests.Research;
using AmpaCds.Reporting.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;

namespace AmpaCds.Reporting.Tests;

/// <summary>
/// Reporting's study records and report versions on a real database, through the real consumers:
/// exactly one effect per message, one version per (input, model), records that survive a restart.
/// Run once per provider by the derived classes.
/// </summary>
public abstract class ReportingStoreTests(ReportingDatabase database) : IAsyncLifetime
{
    private ReportingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReportingRig.StartAsync(database);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task The_migrations_are_applied_and_named_as_agreed()
    {
        var applied = await _rig.WithContextAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(["2026120402_InitialReporting", "2026120411_AuditEvents", "2026120412_ReferringPhysician", "2026120501_ClinicalInputs", "2026120502_PacsDeliveries", "2026120503_OutboxTraceParent", "2026120601_ResearchAnalyses"], applied);
    }

    [Fact]
    public async Task Research_analyses_are_stored_whole_and_listed_newest_first()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var first = await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).PublishAsync(ResearchAnalyses.New("first"), "mori", default));
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).PublishAsync(ResearchAnalyses.New("second"), "abe", default));

        var listed = await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).ListAsync(0, default));
        var read = await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).GetAsync(first.Id, default));
        var plot = await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).PlotAsync(first.Id, "severity", default));

        Assert.Equal([(second.Id, "second", "abe"), (first.Id, "first", "mori")], listed.Take(2).Select(item => (item.Id, item.Title, item.PublishedBy)));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 9, 5, 0, TimeSpan.Zero), listed[0].PublishedAt);
        Assert.Equal(["severity", "group-comparison"], listed[1].PlotNames);
        Assert.Equal((ResearchAnalyses.New().SummaryHtml, ResearchAnalyses.ResultJson()), (read!.SummaryHtml, read.ResultJson));
        Assert.Equal(ResearchAnalyses.Png(1500, seed: 2), plot);
        Assert.Null(await _rig.WithContextAsync(db => new ResearchAnalysisStore(db, clock).GetAsync(Guid.NewGuid(), default)));
    }

    [Fact]
    public async Task Records_and_versions_survive_a_restart()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a");
        await _rig.DisposeAsync();

        _rig = await ReportingRig.StartAsync(database);
        var record = await _rig.FindAsync(study);

        Assert.NotNull(record);
        Assert.Equal(PipelineStage.Reported, record.Stage);
        Assert.Equal("P-77", record.Patient!.PatientId);
        Assert.Equal(1.31, record.Uptake!.Regions[0].Suvr);
        Assert.Equal(0.97, record.Uptake.Registration.Similarity);
        Assert.Equal(StudyRecords.Model, record.Forecast!.ModelVersion);
        var version = Assert.Single(record.Versions);
        Assert.Equal(("hash-a", StudyRecords.Model, "first version", 1), (version.InputHash, version.ModelVersion, version.ChangeSummary, version.Version));
        Assert.Equal($"reports/{study}/v1.html", record.ReportBlobKey);
        var html = Encoding.UTF8.GetString(await _rig.Blobs.GetAsync(record.ReportBlobKey!));
        Assert.Contains("P-77", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Which_maps_exist_and_the_acquisition_are_stored_with_the_uptake()
    {
        var study = StudyRecords.NewStudyUid();
        var run = Guid.NewGuid();
        await _rig.DeliverAsync(StudyRecords.Series(run, study, "hash-a"));
        await _rig.DeliverAsync(StudyRecords.Uptake(run, study) with
        {
            Maps = new ParametricMapKeys("k/suv.nii.gz", "k/suvr.nii.gz", ZMap: "k/z.nii.gz"),
            Acquisition = StudyRecords.Acquisition,
        });

        var record = await _rig.FindAsync(study);

        Assert.Equal(new Reporting.Studies.Stored.StoredMaps(study + ".4", Suvr: true, Z: true, Change: false), record!.Uptake!.Maps);
        Assert.Equal(("Virtual brain PET", "OSEM3D+PSF 4i16s", 450.0, 40.0, 90),
            (record.Uptake.Acquisition!.ManufacturerModelName, record.Uptake.Acquisition.ReconstructionMethod,
             record.Uptake.Acquisition.InjectedActivityMBq!.Value, record.Uptake.Acquisition.MinutesFromInjectionToAcquisition!.Value, record.Uptake.Acquisition.Frames));
    }

    [Fact]
    public async Task The_same_message_twice_changes_the_stage_once_and_makes_one_version()
    {
        var study = StudyRecords.NewStudyUid();
        var run = Guid.NewGuid();
        var seriesId = await _rig.DeliverAsync(StudyRecords.Series(run, study, "hash-a"));
        await _rig.DeliverAsync(StudyRecords.Series(run, study, "hash-a"), seriesId);
        Assert.Equal([PipelineStage.Received], _rig.Changes.Where(change => change.StudyInstanceUid == study).Select(change => change.Stage));

        await _rig.DeliverAsync(StudyRecords.Uptake(run, study));
        await _rig.DeliverAsync(StudyRecords.Demographics(run, study));
        var forecastId = await _rig.DeliverAsync(StudyRecords.Forecast(run, study));
        await _rig.DeliverAsync(StudyRecords.Forecast(run, study), forecastId);

        var record = (await _rig.FindAsync(study))!;
        Assert.Single(record.Versions);
        Assert.Equal(
            [PipelineStage.Received, PipelineStage.Quantified, PipelineStage.Forecast, PipelineStage.Reported],
            _rig.Changes.Where(change => change.StudyInstanceUid == study).Select(change => change.Stage));
        var inbox = await _rig.WithContextAsync(db => db.Inbox.CountAsync(row => row.MessageId == seriesId || row.MessageId == forecastId));
        Assert.Equal(2, inbox);
    }

    [Fact]
    public async Task A_rerun_with_the_same_input_and_model_is_attached_to_the_existing_version()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a");
        var rerun = Guid.NewGuid();
        await DeliverRunAsync(study, rerun, "hash-a");

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal(PipelineStage.Reported, record.Stage);
        Assert.Equal(rerun, record.CorrelationId);
        Assert.Equal(1, record.ReportVersion);
        Assert.Equal("report unchanged (version 1)", record.StageDetail);
        Assert.Single(record.Versions);
        Assert.False(await _rig.Blobs.ExistsAsync($"reports/{study}/v2.html"));
    }

    [Fact]
    public async Task Changed_input_makes_version_2_with_intakes_change_summary()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a");
        var second = Guid.NewGuid();
        await DeliverRunAsync(study, second, "hash-b", seriesVersion: 2, changeSummary: "series version 2: 1 instance replaced");

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal([1, 2], record.Versions.Select(version => version.Version));
        var latest = record.Versions[1];
        Assert.Equal(("hash-b", 2, "series version 2: 1 instance replaced", second),
            (latest.InputHash, latest.SeriesVersion, latest.ChangeSummary, latest.CorrelationId));
        Assert.Equal(2, record.ReportVersion);
        Assert.True(await _rig.Blobs.ExistsAsync($"reports/{study}/v1.html"));
        Assert.True(await _rig.Blobs.ExistsAsync($"reports/{study}/v2.html"));
    }

    [Fact]
    public async Task A_changed_model_alone_makes_version_2_naming_both_models()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a", model: "2026.1");
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a", model: "2026.2");

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal(["first version", "model 2026.1 -> 2026.2"], record.Versions.Select(version => version.ChangeSummary));
        Assert.Equal("hash-a", record.Versions[1].InputHash);
    }

    [Theory]
    [InlineData("forecast", "demographics", "uptake", "series")]
    [InlineData("demographics", "uptake", "series", "forecast")]
    [InlineData("uptake", "forecast", "series", "demographics")]
    public async Task Events_of_one_run_in_any_order_give_one_report(string first, string second, string third, string fourth)
    {
        var study = StudyRecords.NewStudyUid();
        var run = Guid.NewGuid();
        foreach (var name in new[] { first, second, third, fourth })
        {
            await DeliverOneAsync(name, study, run, "hash-a", 1, "first version", StudyRecords.Model);
        }

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal(PipelineStage.Reported, record.Stage);
        Assert.Equal("hash-a", Assert.Single(record.Versions).InputHash);
        Assert.Single(_rig.Changes, change => change.StudyInstanceUid == study && change.Stage == PipelineStage.Reported);
    }

    [Fact]
    public async Task Requesting_a_prediction_starts_a_run_and_queues_quantification_with_the_current_input()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a");

        var run = await _rig.RequestPredictionAsync(study, ReportingApiService.PredictionRequestedReason);

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal((run, PipelineStage.Received, "forecast requested"), (record.CorrelationId, record.Stage, record.ChangeSummary));
        var row = Assert.Single(await _rig.OutboxAsync(), candidate => candidate.CorrelationId == run);
        Assert.Contains(nameof(QuantificationRequested), row.MessageType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(row.Body);
        Assert.Equal("hash-a", body.RootElement.GetProperty("inputHash").GetString());
        Assert.Equal("forecast requested", body.RootElement.GetProperty("reason").GetString());
        Assert.Equal(study + ".4", body.RootElement.GetProperty("seriesInstanceUid").GetString());

        // The requested run with a new model: version 2 says so.
        await _rig.DeliverAsync(StudyRecords.Uptake(run, study) with { InputHash = "hash-a" });
        await _rig.DeliverAsync(StudyRecords.Forecast(run, study, "2026.9") with { InputHash = "hash-a" });
        record = (await _rig.FindAsync(study))!;
        Assert.Equal($"model {StudyRecords.Model} -> 2026.9", record.Versions[^1].ChangeSummary);
    }

    [Fact]
    public async Task Get_report_lists_every_version_oldest_first()
    {
        var study = StudyRecords.NewStudyUid();
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-a");
        await DeliverRunAsync(study, Guid.NewGuid(), "hash-b", seriesVersion: 2, changeSummary: "series version 2: 1 instance replaced");

        var report = ReportMapper.ToReport((await _rig.FindAsync(study))!);

        Assert.Equal([1, 2], report.Versions.Select(version => version.Version));
        Assert.Equal(["hash-a", "hash-b"], report.Versions.Select(version => version.InputHash));
        Assert.Equal(2, report.Versions[1].SeriesVersion);
        Assert.Equal("series version 2: 1 instance replaced", report.Versions[1].ChangeSummary);
    }

    [Fact]
    public async Task Events_of_one_study_consumed_at_the_same_time_all_take_effect()
    {
        var study = StudyRecords.NewStudyUid();
        var run = Guid.NewGuid();
        // Intake publishes these two together; on PostgreSQL their consumers race for the new row.
        await Task.WhenAll(
            _rig.DeliverAsync(StudyRecords.Series(run, study, "hash-a")),
            _rig.DeliverAsync(StudyRecords.Demographics(run, study)));
        await Task.WhenAll(
            _rig.DeliverAsync(StudyRecords.Uptake(run, study) with { InputHash = "hash-a" }),
            _rig.DeliverAsync(StudyRecords.Forecast(run, study) with { InputHash = "hash-a" }));

        var record = (await _rig.FindAsync(study))!;
        Assert.Equal(PipelineStage.Reported, record.Stage);
        Assert.Equal("P-77", record.Patient!.PatientId);
        Assert.Equal(study + ".4", record.SeriesInstanceUid);
        Assert.Single(record.Versions);
    }

    [Fact]
    public async Task A_study_id_that_is_not_a_uid_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _rig.RequestPredictionAsync("../../etc/passwd", "x"));
        Assert.Contains("is not a DICOM UID", error.Message, StringComparison.Ordinal);
    }

    private async Task DeliverRunAsync(string study, Guid run, string inputHash, int seriesVersion = 1, string changeSummary = "first version",
        string model = StudyRecords.Model)
    {
        foreach (var name in new[] { "series", "demographics", "uptake", "forecast" })
        {
            await DeliverOneAsync(name, study, run, inputHash, seriesVersion, changeSummary, model);
        }
    }

    private Task DeliverOneAsync(string name, string study, Guid run, string inputHash, int seriesVersion, string changeSummary, string model) => name switch
    {
        "series" => _rig.DeliverAsync(StudyRecords.Series(run, study, inputHash, seriesVersion, changeSummary)),
        "demographics" => _rig.DeliverAsync(StudyRecords.Demographics(run, study)),
        "uptake" => _rig.DeliverAsync(StudyRecords.Uptake(run, study) with { InputHash = inputHash }),
        "forecast" => _rig.DeliverAsync(StudyRecords.Forecast(run, study, model) with { InputHash = inputHash }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
