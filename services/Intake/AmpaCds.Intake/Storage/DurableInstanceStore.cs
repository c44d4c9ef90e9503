using AmpaCds.Intake.Diagnostics;
using AmpaCds.Intake.Storage.Journal;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace AmpaCds.Intake.Storage;

/// <summary>
/// Makes a received instance durable before Intake answers, without paying for a new file per
/// instance on the sender's time: the bytes are written into the preallocated journal and flushed
/// (one fdatasync, shared by every instance whose record was written before it started: group
/// commit, see <see cref="GroupCommitter{T}"/>), and only then is the answer given. The instance's own file is written right
/// after by <see cref="VisibleFileWriter"/>; a checkpoint later flushes all those files with one
/// syncfs and lets the journal space be reused; after a crash, the records past the checkpoint are
/// written to their files again at start-up.
/// </summary>
/// <remarks>
/// Readers that must see an instance just stored wait with <see cref="WhenVisibleAsync"/>; the blob
/// store the rest of the process sees (JournalAwareBlobStore) does so on every read. Journal and blobs must be on one file system (the journal lives
/// under the blob root) because a checkpoint flushes that file system as a whole. Off Linux, when
/// disabled, or for instances over a quarter of a segment, the blob store's own write + fsync +
/// rename is used instead.
/// </remarks>
public sealed class DurableInstanceStore : IDisposable
{
    public const string JournalFolderKey = ".intake-journal";
    private static readonly TimeSpan RotationWait = TimeSpan.FromSeconds(30);

    private readonly IBlobStore _blobs;
    private readonly FileSystemBlobStore? _files;
    private readonly InstanceJournalOptions _options;
    private readonly ResiliencePipelineProvider<string> _resilience;
    private readonly ILogger<DurableInstanceStore> _logger;
    private readonly TimeProvider _clock;
    private readonly IntakeMetrics _metrics;
    private readonly Lock _appendGate = new();
    private readonly Lock _checkpointGate = new();
    private InstanceJournal? _journal;
    private VisibleFileWriter? _writer;
    private GroupCommitter<JournalRecord>? _committer;
    // Instances whose record a flush has covered and whose file is queued; written only by the single running flusher.
    private long _appended;
    private long _lastAppendTimestamp;

    public DurableInstanceStore(UndecoratedBlobStore blobStore, IOptions<IntakeOptions> options, ResiliencePipelineProvider<string> resilience,
        TimeProvider clock, IntakeMetrics metrics, ILogger<DurableInstanceStore> logger)
    {
        _metrics = metrics;
        var blobs = blobStore.Store;
        _blobs = blobs;
        _options = options.Value.Journal;
        _resilience = resilience;
        _clock = clock;
        _logger = logger;
        _files = blobs as FileSystemBlobStore;
        UsesJournal = _options.Enabled && OperatingSystem.IsLinux() && _files is not null;
    }

    public bool UsesJournal { get; }

    private long SegmentBytes => (long)Math.Max(1, _options.SegmentMegabytes) * 1024 * 1024;

    private long MaxJournalledBytes => SegmentBytes / 4;

    /// <summary>
    /// Returns once the instance survives a crash. The store keeps a reference to
    /// <paramref name="content"/> until the file is written: callers hand over a buffer they no longer change.
    /// </summary>
    public async Task StoreAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (!UsesJournal || content.Length > MaxJournalledBytes)
        {
            await _resilience.GetPipeline(ServiceDefaultsExtensions.StorageResilience).ExecuteAsync(
                async token => await _blobs.PutAsync(key, content, token), cancellationToken);
            return;
        }
        BlobKeys.Validate(key); // a bad key fails here, before it is journalled
        GroupCommitter<JournalRecord>.Waiter waiter;
        GroupCommitter<JournalRecord> committer;
        lock (_appendGate)
        {
            var (journal, writer, openCommitter) = OpenLocked();
            committer = openCommitter;
            if (committer.TakeRewind(out var failed))
            {
                journal.RewindTo(failed.Start);
            }
            var start = journal.Position;
            if (!journal.TryAppend(key, content.Span))
            {
                RotateLocked(journal, writer, committer);
                start = journal.Position;
                if (!journal.TryAppend(key, content.Span)) // a record is at most a quarter of an empty segment
                {
                    throw new IOException("the journal has no room for the instance after moving to a fresh segment");
                }
            }
            waiter = committer.Enlist(new JournalRecord(key, content, start, journal.Position));
            _lastAppendTimestamp = _clock.GetTimestamp();
        }
        // Outside the lock: other associations append while this flush runs, and the next flush covers them all.
        await committer.CommitAsync(waiter);
    }

    /// <summary>Runs on the flusher, once per successful flush, in journal order: only now may the files be written.</summary>
    private void Durable(VisibleFileWriter writer, IReadOnlyList<JournalRecord> records)
    {
        foreach (var record in records)
        {
            writer.Enqueue(Interlocked.Increment(ref _appended), record.Key, record.Content, record.End);
        }
    }

    /// <summary>Completes once every instance stored before the call is readable from its file.</summary>
    public Task WhenVisibleAsync(CancellationToken cancellationToken = default)
    {
        VisibleFileWriter? writer;
        long sequence;
        lock (_appendGate)
        {
            (writer, sequence) = (_writer, Interlocked.Read(ref _appended));
        }
        return writer is null ? Task.CompletedTask : writer.WhenWrittenAsync(sequence).WaitAsync(cancellationToken);
    }

    /// <summary>What operations need to see: files still to write, whether writing them fails, the checkpoint.</summary>
    public InstanceJournalStatus Status()
    {
        VisibleFileWriter? writer;
        lock (_appendGate)
        {
            writer = _writer;
        }
        if (writer is null)
        {
            return new InstanceJournalStatus(UsesJournal, Open: false, 0, 0, null);
        }
        var (files, bytes, failing) = writer.Backlog;
        return new InstanceJournalStatus(UsesJournal, Open: true, files, bytes, failing);
    }

    /// <summary>Opens the journal and replays what a crash left behind; idempotent. Called at start-up.</summary>
    public void Open()
    {
        if (!UsesJournal)
        {
            return;
        }
        lock (_appendGate)
        {
            OpenLocked();
        }
    }

    /// <summary>True when written files wait for a checkpoint and Intake has been idle, or the journal is half full.</summary>
    public bool CheckpointDue()
    {
        JournalPosition written;
        long sinceAppend;
        lock (_appendGate)
        {
            if (_writer is null)
            {
                return false;
            }
            written = _writer.WrittenPosition;
            sinceAppend = _lastAppendTimestamp;
        }
        lock (_checkpointGate)
        {
            var saved = _journal?.Checkpoint;
            if (saved is { } checkpoint && written <= checkpoint)
            {
                return false;
            }
            var idle = _clock.GetElapsedTime(sinceAppend) >= TimeSpan.FromMilliseconds(_options.IdleCheckpointMilliseconds);
            var from = saved is { } s && s.Generation == written.Generation ? s.Offset : JournalSegment.DataStart;
            return idle || written.Offset - from >= SegmentBytes / 2;
        }
    }

    /// <summary>Flushes every instance file written so far and moves the checkpoint past their records.</summary>
    public void Checkpoint()
    {
        InstanceJournal? journal;
        VisibleFileWriter? writer;
        lock (_appendGate)
        {
            (journal, writer) = (_journal, _writer);
        }
        if (journal is not null && writer is not null)
        {
            CheckpointUpTo(journal, writer.WrittenPosition);
        }
    }

    private void CheckpointUpTo(InstanceJournal journal, JournalPosition position)
    {
        lock (_checkpointGate)
        {
            if (journal.Checkpoint is { } saved && position <= saved)
            {
                return;
            }
            FileSystemFlush.FlushFileSystemOf(journal.FileSystemHandle); // the files of every record before position are written
            journal.SaveCheckpoint(position);
        }
    }

    /// <summary>
    /// The active segment is full: continue in the other one. Usually the checkpoint has long passed
    /// the other segment's records (checkpoints run at half a segment); if not, the sender waits once
    /// for the files to be written and flushed.
    /// </summary>
    private void RotateLocked(InstanceJournal journal, VisibleFileWriter writer, GroupCommitter<JournalRecord> committer)
    {
        lock (_checkpointGate)
        {
            if (journal.OtherSegmentReusable)
            {
                journal.StartNextGeneration();
                return;
            }
        }
        // Records still waiting for their flush are not queued for their files yet; the flusher needs no lock of ours.
        if (!SpinWait.SpinUntil(() => committer.Idle, RotationWait)
            || !writer.WaitUntilWritten(Interlocked.Read(ref _appended), RotationWait))
        {
            throw new IOException($"instance files could not be written within {RotationWait.TotalSeconds:0} s; the journal is full");
        }
        CheckpointUpTo(journal, journal.Position);
        lock (_checkpointGate)
        {
            journal.StartNextGeneration();
        }
    }

    private (InstanceJournal Journal, VisibleFileWriter Writer, GroupCommitter<JournalRecord> Committer) OpenLocked()
    {
        if (_journal is not null && _writer is not null && _committer is not null)
        {
            return (_journal, _writer, _committer);
        }
        var folder = _files!.OwnLocalFolder(JournalFolderKey);
        var journal = InstanceJournal.Open(folder, SegmentBytes);
        try
        {
            var replayed = 0;
            foreach (var entry in journal.Uncheckpointed())
            {
                _files!.PutUnflushed(entry.Key, entry.Payload.Span);
                replayed++;
            }
            FileSystemFlush.FlushFileSystemOf(journal.FileSystemHandle);
            journal.CompleteRecovery();
            if (replayed > 0)
            {
                _logger.LogWarning("Journal recovery: {Count} instances acknowledged before an unclean stop were written to their files again", replayed);
            }
        }
        catch
        {
            journal.Dispose();
            throw;
        }
        _journal = journal;
        _writer = new VisibleFileWriter((key, content) => _files!.PutUnflushed(key, content.Span), journal.Position, TimeSpan.FromMilliseconds(_options.FileWriteIdleMilliseconds),
            backlogBytes: SegmentBytes / 4, _logger);
        var writer = _writer;
        _committer = new GroupCommitter<JournalRecord>(journal.FlushActive, (records, elapsed) =>
        {
            _metrics.JournalFlushed(records.Count, elapsed);
            Durable(writer, records);
        });
        return (_journal, _writer, _committer);
    }

    /// <summary>Writes the queued files, checkpoints and closes the journal, so a clean restart replays nothing.</summary>
    public void Dispose()
    {
        lock (_appendGate)
        {
            if (_journal is null || _writer is null)
            {
                return;
            }
            // Writers awaiting a flush get their answer (and their files are queued) before the writer stops.
            if (_committer is { } committer && !SpinWait.SpinUntil(() => committer.Idle, RotationWait))
            {
                _logger.LogWarning("Journal flush still running at stop; its instances are replayed at the next start");
            }
            _writer.Dispose();
            try
            {
                CheckpointUpTo(_journal, _writer.WrittenPosition);
            }
            catch (IOException error)
            {
                // Nothing is lost: the records stay in the journal and are replayed at the next start.
                _logger.LogWarning("Final journal checkpoint failed, replay at next start: {Reason}", error.Message);
            }
            _journal.Dispose();
            (_journal, _writer, _committer) = (null, null, null);
        }
    }
}
