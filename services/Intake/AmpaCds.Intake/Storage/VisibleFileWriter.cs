using System.Collections.Concurrent;
using AmpaCds.Intake.Storage.Journal;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// Writes journalled instances to their final files on its own thread, in journal order, so the
/// sender's answer never waits for a file to be created (on the machines measured, creating a file
/// costs more than the journal's device flush). While instances keep arriving the files wait, so
/// their writes do not compete with the journal's flushes; they are written once the sender pauses
/// for <c>idleDelay</c>, or at once when a reader waits for them with <see cref="WhenWrittenAsync"/>
/// or <see cref="WaitUntilWritten"/>, or once <c>backlogBytes</c> wait (so the journal never has to
/// stop the sender to let them catch up before it reuses a segment).
/// </summary>
internal sealed class VisibleFileWriter : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    // A blocking queue on a dedicated thread: readers may block thread-pool threads while they wait for files,
    // so the writer must never need the thread pool to wake up.
    private readonly BlockingCollection<PendingFile> _queue = [];
    private readonly Action<string, ReadOnlyMemory<byte>> _writeFile;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SortedList<long, TaskCompletionSource> _waiters = [];
    private readonly Task _worker;
    private readonly TimeSpan _idleDelay;
    private readonly long _backlogBytes;
    private long _pendingBytes;
    private readonly SemaphoreSlim _urgent = new(0);
    private long _lastEnqueueTimestamp;
    private volatile bool _stopping;
    private long _written;
    private long _enqueued;
    private JournalPosition _writtenPosition;
    private string? _lastFailure;

    /// <param name="writeFile">Writes one instance's file without flushing it (FileSystemBlobStore.PutUnflushed).</param>
    public VisibleFileWriter(Action<string, ReadOnlyMemory<byte>> writeFile, JournalPosition start, TimeSpan idleDelay, long backlogBytes, ILogger logger)
    {
        _writeFile = writeFile;
        _idleDelay = idleDelay;
        _backlogBytes = backlogBytes;
        _logger = logger;
        _writtenPosition = start;
        _worker = Task.Factory.StartNew(WriteAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>End of the last journal record whose file is written (flushing happens at checkpoints).</summary>
    public JournalPosition WrittenPosition
    {
        get
        {
            lock (_gate)
            {
                return _writtenPosition;
            }
        }
    }

    /// <summary>Instances acknowledged whose file is not written yet, their bytes, and the reason the last write failed while it is still failing.</summary>
    public (long Files, long Bytes, string? Failing) Backlog
    {
        get
        {
            lock (_gate)
            {
                return (Interlocked.Read(ref _enqueued) - _written, Interlocked.Read(ref _pendingBytes), Volatile.Read(ref _lastFailure));
            }
        }
    }

    /// <summary>Queues the file of record number <paramref name="sequence"/>; the content must not change afterwards.</summary>
    public void Enqueue(long sequence, string key, ReadOnlyMemory<byte> content, JournalPosition recordEnd)
    {
        Volatile.Write(ref _lastEnqueueTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        Interlocked.Exchange(ref _enqueued, sequence);
        _queue.Add(new PendingFile(sequence, key, content, recordEnd));
        if (Interlocked.Add(ref _pendingBytes, content.Length) >= _backlogBytes)
        {
            Wake();
        }
    }

    public Task WhenWrittenAsync(long sequence)
    {
        lock (_gate)
        {
            if (_written >= sequence)
            {
                return Task.CompletedTask;
            }
            if (!_waiters.TryGetValue(sequence, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(sequence, waiter);
                Wake();
            }
            return waiter.Task;
        }
    }

    /// <summary>False when <paramref name="timeout"/> passed first (the files keep being retried).</summary>
    public bool WaitUntilWritten(long sequence, TimeSpan timeout) => WhenWrittenAsync(sequence).Wait(timeout);

    private void WriteAll()
    {
        while (_queue.TryTake(out var first, Timeout.Infinite)) // false once stopped and empty
        {
            WaitWhileInstancesArrive();
            for (var file = first; file is not null; file = _queue.TryTake(out var next) ? next : null)
            {
                if (!WriteWithRetry(file))
                {
                    return; // stopping while the disk refuses: the rest stays in the journal for the next start
                }
                Interlocked.Add(ref _pendingBytes, -file.Content.Length);
                MarkWritten(file);
            }
        }
    }

    /// <summary>One pending wake-up is enough; more would only spin the wait loop.</summary>
    private void Wake()
    {
        if (_urgent.CurrentCount == 0)
        {
            _urgent.Release();
        }
    }

    private void WaitWhileInstancesArrive()
    {
        while (!_stopping)
        {
            var quietFor = System.Diagnostics.Stopwatch.GetElapsedTime(Volatile.Read(ref _lastEnqueueTimestamp));
            if (quietFor >= _idleDelay || Interlocked.Read(ref _pendingBytes) >= _backlogBytes || HasWaiters())
            {
                return;
            }
            _urgent.Wait(_idleDelay - quietFor);
        }
    }

    private bool HasWaiters()
    {
        lock (_gate)
        {
            return _waiters.Count > 0;
        }
    }

    private bool WriteWithRetry(PendingFile file)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _writeFile(file.Key, file.Content);
                Volatile.Write(ref _lastFailure, null);
                return true;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The journal holds the durable copy: keep trying rather than drop it; a restart would replay it too.
                _logger.LogError("Writing a journalled instance to its file failed (attempt {Attempt}), retrying: {Reason}", attempt, error.Message);
                Volatile.Write(ref _lastFailure, error.Message);
                if (_stopping)
                {
                    return false;
                }
                _urgent.Wait(RetryDelay); // a stop wakes it early
            }
        }
    }

    private void MarkWritten(PendingFile file)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _written = file.Sequence;
            _writtenPosition = file.RecordEnd;
            while (_waiters.Count > 0 && _waiters.Keys[0] <= file.Sequence)
            {
                done.Add(_waiters.Values[0]);
                _waiters.RemoveAt(0);
            }
        }
        done.ForEach(waiter => waiter.TrySetResult());
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public void Dispose()
    {
        _stopping = true;
        _urgent.Release();
        _queue.CompleteAdding();
        _worker.Wait();
        _urgent.Dispose();
        _queue.Dispose();
    }

    private sealed record PendingFile(long Sequence, string Key, ReadOnlyMemory<byte> Content, JournalPosition RecordEnd);
}
