using System.Diagnostics;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// Group commit for the journal: writers enlist their already written record and wait; one flush
/// then covers every record enlisted before it started, and only after it returns are those records
/// handed on (<c>durable</c>, in enlistment order, with the flush's duration) and their writers released. With several
/// associations storing at once, one device flush answers all of them instead of one each.
/// </summary>
/// <remarks>
/// No timer: a writer that finds no flush running flushes at once on its own thread, so a lone
/// association waits for exactly one flush, as before. Batches form from the records enlisted while
/// a flush runs; the next flush starts as soon as the running one ends. When a flush fails, its
/// batch and every record enlisted after it fail with the error (they all lie past the last durable
/// record), and records enlisted before the journal has been rewound (<see cref="TakeRewind"/>) fail
/// at once: none of them may be acknowledged, and their space is written over next.
/// </remarks>
internal sealed class GroupCommitter<T>(Action flush, Action<IReadOnlyList<T>, TimeSpan> durable)
{
    private readonly Lock _gate = new();
    private List<Waiter> _queue = [];
    private bool _flushing;
    private Waiter? _rewindFrom;
    private Exception? _failure;
    private long _flushes;

    /// <summary>Flushes that succeeded so far (for tests and the figures).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>True when nothing waits for a flush and none runs.</summary>
    public bool Idle
    {
        get
        {
            lock (_gate)
            {
                return !_flushing && _queue.Count == 0;
            }
        }
    }

    /// <summary>
    /// Called in journal order (the caller serialises appends) once the record's bytes are written.
    /// The caller then awaits <see cref="CommitAsync"/> outside its own lock.
    /// </summary>
    public Waiter Enlist(T item)
    {
        var waiter = new Waiter(item);
        lock (_gate)
        {
            if (_rewindFrom is not null)
            {
                // Written after records whose flush failed, before the journal was rewound: it is overwritten next.
                waiter.Done.SetException(new IOException("the journal flush failed; the instance was not stored", _failure));
                return waiter;
            }
            _queue.Add(waiter);
        }
        return waiter;
    }

    /// <summary>
    /// After a failed flush: the first record that failed (the journal continues from its start), once.
    /// Called under the caller's append lock, before the next append.
    /// </summary>
    public bool TakeRewind(out T firstFailed)
    {
        lock (_gate)
        {
            if (_rewindFrom is not { } from)
            {
                firstFailed = default!;
                return false;
            }
            _rewindFrom = null;
            _failure = null;
            firstFailed = from.Item;
            return true;
        }
    }

    /// <summary>Completes once a flush that started after <paramref name="waiter"/> was enlisted has returned.</summary>
    public Task CommitAsync(Waiter waiter)
    {
        lock (_gate)
        {
            if (_flushing || _queue.Count == 0)
            {
                return waiter.Done.Task; // the running flush, or the next one it starts, covers it
            }
            _flushing = true;
        }
        // This writer leads: one batch on its own thread (a lone writer pays one flush, no hand-over),
        // then, if more arrived meanwhile, the following batches on the thread pool so its answer is not held up.
        if (FlushOneBatch())
        {
            _ = Task.Run(() =>
            {
                while (FlushOneBatch())
                {
                }
            });
        }
        return waiter.Done.Task;
    }

    /// <summary>Flushes what is queued now; true when more was enlisted meanwhile (the caller keeps the flusher role).</summary>
    private bool FlushOneBatch()
    {
        List<Waiter> batch;
        lock (_gate)
        {
            (batch, _queue) = (_queue, []);
        }
        try
        {
            var started = Stopwatch.GetTimestamp();
            flush();
            Interlocked.Increment(ref _flushes);
            durable(batch.ConvertAll(waiter => waiter.Item), Stopwatch.GetElapsedTime(started));
        }
        catch (Exception error)
        {
            List<Waiter> after;
            lock (_gate)
            {
                (after, _queue) = (_queue, []);
                _rewindFrom = batch[0];
                _failure = error;
                _flushing = false;
            }
            var failure = error as IOException ?? new IOException($"the journal flush failed: {error.Message}", error);
            batch.Concat(after).ToList().ForEach(waiter => waiter.Done.TrySetException(failure));
            return false;
        }
        batch.ForEach(waiter => waiter.Done.TrySetResult());
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                return true;
            }
            _flushing = false;
            return false;
        }
    }

    /// <summary>One enlisted record and its writer's completion.</summary>
    internal sealed class Waiter(T item)
    {
        public T Item { get; } = item;

        // Continuations run elsewhere: the flusher must not run a writer's DIMSE answer (or its next receive) inline.
        internal TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
