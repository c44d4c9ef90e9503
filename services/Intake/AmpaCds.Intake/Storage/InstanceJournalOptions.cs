namespace AmpaCds.Intake.Storage;

/// <summary>Intake's write-ahead journal (section "AmpaCds:Intake:Journal"); see services/Intake/README.md.</summary>
public sealed class InstanceJournalOptions
{
    /// <summary>Off: every instance is written to its own file and fsynced before the answer (slower, same guarantee).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Size of each of the two preallocated segments; instances larger than a quarter of it bypass the journal.</summary>
    public int SegmentMegabytes { get; set; } = 64;

    /// <summary>Instance files are written once no instance came for this long (or a reader waits for them).</summary>
    public int FileWriteIdleMilliseconds { get; set; } = 20;

    /// <summary>After this long without a new instance, the files written since the last checkpoint are flushed.</summary>
    public int IdleCheckpointMilliseconds { get; set; } = 250;
}
