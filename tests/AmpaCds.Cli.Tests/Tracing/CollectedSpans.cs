using System.Collections.ObjectModel;
using System.Diagnostics;

namespace AmpaCds.Cli.Tests.Tracing;

/// <summary>The in-memory exporter's target: spans end on many threads while the test reads snapshots.</summary>
public sealed class CollectedSpans : Collection<Activity>
{
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }
}
