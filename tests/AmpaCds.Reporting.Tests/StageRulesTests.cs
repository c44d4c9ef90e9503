using AmpaCds.Contracts.Reporting;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests;

public sealed class StageRulesTests
{
    private static readonly StudyRecord Empty = new() { StudyInstanceUid = "1.2.3" };

    [Fact]
    public void AnEarlierStageOfTheSameRunArrivingLateDoesNotMoveTheStudyBack()
    {
        var run = Guid.NewGuid();
        var quantified = StageRules.Advance(Empty, run, PipelineStage.Quantified, "measured");
        var late = StageRules.Advance(quantified, run, PipelineStage.Received, "received");
        Assert.Equal(PipelineStage.Quantified, late.Stage);
    }

    [Fact]
    public void ANewRunStartsFromReceivedAndForgetsTheOldResults()
    {
        var reported = StudyRecords.Complete() with { Stage = PipelineStage.Reported };
        var rerun = StageRules.Advance(reported, Guid.NewGuid(), PipelineStage.Received, "prediction requested");
        Assert.Equal(PipelineStage.Received, rerun.Stage);
        Assert.Null(rerun.Uptake);
        Assert.Null(rerun.Forecast);
        Assert.NotNull(rerun.Patient);
    }

    [Fact]
    public void AResultOfAnOlderRunIsIgnored()
    {
        var current = StageRules.Advance(Empty, Guid.NewGuid(), PipelineStage.Received, "received");
        var stale = StageRules.Advance(current, Guid.NewGuid(), PipelineStage.Forecast, "old forecast");
        Assert.Same(current, stale);
        Assert.Same(current, StageRules.Fail(current, Guid.NewGuid(), "old failure"));
    }

    [Fact]
    public void AFailedRunStaysFailed()
    {
        var run = Guid.NewGuid();
        var failed = StageRules.Fail(StageRules.Advance(Empty, run, PipelineStage.Received, ""), run, "registration failed");
        Assert.Equal(PipelineStage.Failed, StageRules.Advance(failed, run, PipelineStage.Forecast, "").Stage);
        Assert.Equal("registration failed", failed.StageDetail);
    }
}
