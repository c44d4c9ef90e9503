namespace AmpaCds.Prediction.Persistence;

/// <summary>
/// UTC ticks that never repeat within the process, so "latest per subject" has one answer even when two records
/// are made in the same tick (or under a test clock that does not move).
/// </summary>
internal static class StoredTicks
{
    private static long _last;

    public static long Next(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
