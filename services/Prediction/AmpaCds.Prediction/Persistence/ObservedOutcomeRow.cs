namespace AmpaCds.Prediction.Persistence;

/// <summary>A row of ObservedOutcomes; rows are appended and the latest per subject wins, so a correction is recorded again.</summary>
public sealed class ObservedOutcomeRow
{
    public Guid Id { get; set; }

    public required string SubjectKey { get; set; }

    public int BaselineMadrs { get; set; }

    public int FollowUpMadrs { get; set; }

    public int? Age { get; set; }

    /// <summary>"Female", "Male" or null: the stored spelling, independent of the enum's numbering.</summary>
    public string? Sex { get; set; }

    public long RecordedAtUtcTicks { get; set; }
}
