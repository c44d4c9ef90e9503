namespace AmpaCds.Reporting.Studies;

/// <summary>
/// Announces stage changes to watchers (WatchStudy, the demo). Raised only after the change committed,
/// so a watcher never sees a stage the database does not hold. Singleton.
/// </summary>
public sealed class StudyStageNotifications
{
    public event Action<StageChange>? StageChanged;

    public void Announce(IEnumerable<StageChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            StageChanged?.Invoke(change);
        }
    }
}
