using System.Buffers;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// Intake's write-ahead journal: two preallocated segments used in turn, each holding one
/// generation of records, and a checkpoint saying up to where every record already sits durably
/// in its final file. Not thread-safe: DurableInstanceStore serialises all calls, except
/// <see cref="FlushActive"/>, which the group committer calls while appends continue.
/// </summary>
/// <remarks>
/// A segment is only reused for a new generation once the checkpoint has passed all its records
/// (it has reached the generation that followed), so a record is never overwritten before its
/// file is durable.
/// </remarks>
internal sealed class InstanceJournal : IDisposable
{
    public const string SegmentA = "segment-a.wal";
    public const string SegmentB = "segment-b.wal";
    public const string CheckpointName = "checkpoint";

    private readonly JournalSegment[] _segments;
    private readonly JournalCheckpointFile _checkpointFile;
    private volatile JournalSegment _active;
    private long _offset;
    private long _sequence;

    private InstanceJournal(JournalSegment[] segments, JournalCheckpointFile checkpointFile)
    {
        _segments = segments;
        _checkpointFile = checkpointFile;
        _active = segments.MaxBy(segment => segment.Generation)!;
        _offset = JournalSegment.DataStart;
        Checkpoint = checkpointFile.Read();
    }

    /// <summary>Opens (or creates) the journal in <paramref name="directory"/>; nothing is replayed yet.</summary>
    public static InstanceJournal Open(string directory, long segmentBytes)
    {
        Directory.CreateDirectory(directory);
        var segments = new List<JournalSegment>();
        try
        {
            segments.Add(JournalSegment.OpenOrCreate(Path.Combine(directory, SegmentA), segmentBytes));
            segments.Add(JournalSegment.OpenOrCreate(Path.Combine(directory, SegmentB), segmentBytes));
            return new InstanceJournal([.. segments], JournalCheckpointFile.OpenOrCreate(Path.Combine(directory, CheckpointName)));
        }
        catch
        {
            segments.ForEach(segment => segment.Dispose());
            throw;
        }
    }

    /// <summary>Last saved checkpoint; null when none could be read (then every record is uncheckpointed).</summary>
    public JournalPosition? Checkpoint { get; private set; }

    /// <summary>End of the last record appended.</summary>
    public JournalPosition Position => new(_active.Generation, _offset);

    /// <summary>Handle on the journal's file system (the same one as the blob store's).</summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle FileSystemHandle => _checkpointFile.Handle;

    /// <summary>Records written but not yet covered by the checkpoint, oldest first.</summary>
    public IEnumerable<JournalEntry> Uncheckpointed()
    {
        var ordered = _segments.Where(segment => segment.Generation > 0).OrderBy(segment => segment.Generation).ToList();
        if (Checkpoint is { } checkpoint && ordered.Any(segment => segment.Generation == checkpoint.Generation))
        {
            foreach (var segment in ordered.Where(segment => segment.Generation >= checkpoint.Generation))
            {
                var from = segment.Generation == checkpoint.Generation ? checkpoint.Offset : JournalSegment.DataStart;
                foreach (var entry in segment.ReadFrom(from))
                {
                    yield return entry;
                }
            }
            yield break;
        }
        foreach (var entry in ordered.SelectMany(segment => segment.ReadFrom(JournalSegment.DataStart)))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Appends a record, durable after the next <see cref="FlushActive"/> (or a move to the next
    /// generation); false (nothing written) when the active segment is full.
    /// </summary>
    public bool TryAppend(string key, ReadOnlySpan<byte> payload)
    {
        var length = JournalRecordFormat.EncodedLength(System.Text.Encoding.UTF8.GetByteCount(key), payload.Length);
        if (_active.Generation == 0 || _offset + length > _active.Capacity)
        {
            return false;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            JournalRecordFormat.Encode(buffer, _active.Generation, _sequence + 1, key, payload);
            _active.WriteUnflushed(buffer.AsSpan(0, length), _offset);
            _offset += length; // only after the write succeeded: a failed write is overwritten by the next one
            _sequence++;
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Makes every record appended so far durable. Safe while appends continue: a record written before
    /// the call lies in the segment read here, or in one left earlier, which was flushed when it was left.
    /// </summary>
    public void FlushActive() => _active.Flush();

    /// <summary>
    /// After a failed flush: continue appending at <paramref name="start"/>, the start of the first
    /// record that failed, so the failed records are written over (their senders were told so). When
    /// that record lies in an earlier generation, the whole active one failed and restarts at its beginning.
    /// </summary>
    public void RewindTo(JournalPosition start) =>
        _offset = start.Generation == _active.Generation ? Math.Min(start.Offset, _offset) : JournalSegment.DataStart;

    public void SaveCheckpoint(JournalPosition position)
    {
        if (Checkpoint is { } saved && position <= saved)
        {
            return;
        }
        _checkpointFile.Write(position);
        Checkpoint = position;
    }

    /// <summary>True when the other segment holds no record the checkpoint has not passed, so it may be reused.</summary>
    public bool OtherSegmentReusable => _active.Generation == 0 || Checkpoint is { } saved && saved.Generation >= _active.Generation;

    /// <summary>
    /// Moves to the other segment with the next generation, leaving the checkpoint where it is: the
    /// records of the segment just left stay replayable until the checkpoint passes them. Only when
    /// the other segment's own records are all checkpointed (<see cref="OtherSegmentReusable"/>).
    /// </summary>
    public void StartNextGeneration()
    {
        if (!OtherSegmentReusable)
        {
            throw new InvalidOperationException("the other segment still holds records past the checkpoint; reusing it would lose them");
        }
        BeginNextGeneration();
    }

    /// <summary>After start-up replay, once every replayed file is durable: continue in a fresh generation with nothing to replay.</summary>
    public void CompleteRecovery()
    {
        BeginNextGeneration();
        SaveCheckpoint(Position);
    }

    private void BeginNextGeneration()
    {
        _active.Flush(); // records still waiting for a group flush are made durable before the flusher moves to the next segment
        var next = _segments.First(segment => !ReferenceEquals(segment, _active));
        var generation = _segments.Max(segment => segment.Generation) + 1;
        next.Begin(generation);
        _active = next;
        _offset = JournalSegment.DataStart;
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            segment.Dispose();
        }
        _checkpointFile.Dispose();
    }
}
