using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests;

public sealed class ReportVersionDecisionTests
{
    private static readonly ReportVersionRecord Latest =
        new(3, Guid.NewGuid(), "hash-a", 2, "2026.1", "series version 2: 1 instance added", DateTimeOffset.UnixEpoch);

    private static readonly StudyRecord Run = new()
    {
        StudyInstanceUid = "1.2.3", SeriesVersion = 3, ChangeSummary = "series version 3: 1 instance replaced",
    };

    [Fact]
    public void The_first_report_is_the_first_version() =>
        Assert.Equal(new ReportVersionDecision(1, true, "first version"), ReportVersionDecision.For(Run, "hash-a", "2026.1", null));

    [Fact]
    public void Same_input_and_model_attach_to_the_latest() =>
        Assert.Equal(new ReportVersionDecision(3, false, Latest.ChangeSummary), ReportVersionDecision.For(Run, "hash-a", "2026.1", Latest));

    [Fact]
    public void Changed_input_takes_the_runs_summary() =>
        Assert.Equal(new ReportVersionDecision(4, true, "series version 3: 1 instance replaced"), ReportVersionDecision.For(Run, "hash-b", "2026.1", Latest));

    [Fact]
    public void Changed_model_names_both_versions() =>
        Assert.Equal(new ReportVersionDecision(4, true, "model 2026.1 -> 2026.2"), ReportVersionDecision.For(Run, "hash-a", "2026.2", Latest));

    [Fact]
    public void Both_changed_say_both() =>
        Assert.Equal("series version 3: 1 instance replaced; model 2026.1 -> 2026.2",
            ReportVersionDecision.For(Run, "hash-b", "2026.2", Latest).ChangeSummary);

    [Fact]
    public void A_changed_input_without_a_summary_still_says_what_changed() =>
        Assert.Equal("series version 3: input changed",
            ReportVersionDecision.For(Run with { ChangeSummary = "" }, "hash-b", "2026.1", Latest).ChangeSummary);
}
