using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests;

public sealed class StudyRecordStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-records-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void RecordsSurviveARestart()
    {
        var store = new StudyRecordStore(_folder);
        store.Update("1.2.3", _ => StudyRecords.Complete() with { Stage = PipelineStage.Reported, ReportBlobKey = "reports/1.2.3/x.html" });

        var reopened = new StudyRecordStore(_folder).Find("1.2.3");
        Assert.NotNull(reopened);
        Assert.Equal(PipelineStage.Reported, reopened.Stage);
        Assert.Equal(1.31, reopened.Uptake!.Regions[0].Suvr);
        Assert.Equal("k2-response-1.0.0+abcdef12", reopened.Forecast!.ModelVersion);
    }

    [Fact]
    public void StageChangesAreAnnouncedOnce()
    {
        var store = new StudyRecordStore(_folder);
        var changes = new List<StageChange>();
        store.StageChanged += changes.Add;
        var run = Guid.NewGuid();
        store.Update("1.2.3", record => StageRules.Advance(record, run, PipelineStage.Received, "in"));
        store.Update("1.2.3", record => StageRules.Advance(record, run, PipelineStage.Received, "again"));
        store.Update("1.2.3", record => StageRules.Advance(record, run, PipelineStage.Quantified, "measured"));
        Assert.Equal([PipelineStage.Received, PipelineStage.Quantified], changes.Select(change => change.Stage));
    }

    [Fact]
    public void AStudyIdThatIsNotAUidIsRefused()
    {
        var store = new StudyRecordStore(_folder);
        Assert.Throws<ArgumentException>(() => store.Update("../../etc/passwd", record => record));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
