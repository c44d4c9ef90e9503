namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// UTC ticks that never repeat or go back within the process: two rows made in the same tick
/// still get distinct, ordered times (so "latest" has one answer), and the outbox needs no identity column (which
/// would need provider-specific migration annotations).
/// </summary>
public static class MonotonicClock
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
