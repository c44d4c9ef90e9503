using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Win32.SafeHandles;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// One preallocated, zero-filled journal file. Because its blocks already exist, overwriting them
/// changes no file-system metadata: records are durable after one fdatasync (one device flush, about
/// 0.25 ms here) instead of the journal commit a new file's fsync costs. Records are written with
/// <see cref="WriteUnflushed"/> and made durable together by <see cref="Flush"/> (group commit).
/// </summary>
internal sealed class JournalSegment : IDisposable
{
    public const int DataStart = JournalRecordFormat.Alignment;
    private const int ZeroChunk = 1 << 20;
    private readonly SafeFileHandle _handle;

    private JournalSegment(string path, SafeFileHandle handle, long capacity, long generation)
    {
        Path = path;
        _handle = handle;
        Capacity = capacity;
        Generation = generation;
    }

    public string Path { get; }

    public long Capacity { get; }

    /// <summary>0 for a segment never used.</summary>
    public long Generation { get; private set; }

    /// <summary>Opens the segment, creating it zero-filled and flushed if it does not exist yet.</summary>
    public static JournalSegment OpenOrCreate(string path, long capacity)
    {
        if (!File.Exists(path))
        {
            CreateZeroFilled(path, capacity);
        }
        SafeFileHandle handle;
        try
        {
            // FileShare.None takes an exclusive lock: a second Intake on the same store fails here, not by corrupting the journal.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, FileOptions.None);
        }
        catch (IOException error)
        {
            throw new IOException($"journal segment {path} is in use by another Intake process or cannot be opened: {error.Message}", error);
        }
        var header = new byte[JournalFileHeader.Size];
        var generation = RandomAccess.Read(handle, header, 0) == header.Length ? GenerationIn(header) : 0;
        return new JournalSegment(path, handle, RandomAccess.GetLength(handle), generation);
    }

    /// <summary>The generation a closed segment file holds (0: unused or unreadable header), for inspection.</summary>
    public static long ReadGeneration(string path)
    {
        var header = new byte[JournalFileHeader.Size];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length ? GenerationIn(header) : 0;
    }

    private static long GenerationIn(ReadOnlySpan<byte> header) =>
        JournalFileHeader.TryRead(header, JournalFileHeader.SegmentMagic, out var generation, out _) ? generation : 0;

    /// <summary>Makes this segment the home of a new generation; its old records become stale at once.</summary>
    public void Begin(long generation)
    {
        var header = new byte[DataStart];
        JournalFileHeader.Write(header, JournalFileHeader.SegmentMagic, generation, Capacity);
        Write(header, 0);
        Generation = generation;
    }

    /// <summary>Durable on return.</summary>
    public void Write(ReadOnlySpan<byte> record, long offset)
    {
        WriteUnflushed(record, offset);
        Flush();
    }

    /// <summary>In the page cache only: durable after the next <see cref="Flush"/>.</summary>
    public void WriteUnflushed(ReadOnlySpan<byte> record, long offset) => RandomAccess.Write(_handle, record, offset);

    /// <summary>Every write to this segment so far reaches the device (fdatasync).</summary>
    public void Flush() => FileSystemFlush.FlushData(_handle);

    /// <summary>The valid records of this segment's generation from <paramref name="offset"/> up to the first gap.</summary>
    public IEnumerable<JournalEntry> ReadFrom(long offset)
    {
        var header = new byte[JournalRecordFormat.HeaderSize];
        while (offset + JournalRecordFormat.HeaderSize <= Capacity
            && RandomAccess.Read(_handle, header, offset) == header.Length
            && JournalRecordFormat.TryReadHeader(header, Generation, Capacity - offset, out var keyLength, out var payloadLength))
        {
            var record = new byte[JournalRecordFormat.EncodedLength(keyLength, payloadLength)];
            if (RandomAccess.Read(_handle, record, offset) != record.Length
                || !JournalRecordFormat.TryDecode(record, keyLength, payloadLength, out var key, out var payload))
            {
                yield break; // torn: the write never completed, so its sender was never told it succeeded
            }
            yield return new JournalEntry(key, payload);
            offset += record.Length;
        }
    }

    public void Dispose() => _handle.Dispose();

    // Through DurableFile: the folder is flushed too, so the segment's name survives a crash before any record is trusted to it.
    private static void CreateZeroFilled(string path, long capacity) => DurableFile.Write(path, stream =>
    {
        var zeros = new byte[ZeroChunk];
        for (long written = 0; written < capacity; written += ZeroChunk)
        {
            stream.Write(zeros, 0, (int)Math.Min(ZeroChunk, capacity - written));
        }
    });
}
