using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Win32.SafeHandles;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// Where the journal's checkpoint lives: one 4 KiB block rewritten in place and flushed. A block
/// that fails its hash (never written, or torn) reads as "no checkpoint", and recovery then replays
/// every record still in the segments, which is safe because replay only rewrites files.
/// </summary>
internal sealed class JournalCheckpointFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    private JournalCheckpointFile(SafeFileHandle handle) => _handle = handle;

    public static JournalCheckpointFile OpenOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            DurableFile.WriteAllBytes(path, new byte[JournalRecordFormat.Alignment]);
        }
        return new JournalCheckpointFile(File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, FileOptions.None));
    }

    public JournalPosition? Read()
    {
        var block = new byte[JournalFileHeader.Size];
        return RandomAccess.Read(_handle, block, 0) == block.Length
            && JournalFileHeader.TryRead(block, JournalFileHeader.CheckpointMagic, out var generation, out var offset)
            ? new JournalPosition(generation, offset)
            : null;
    }

    public void Write(JournalPosition position)
    {
        var block = new byte[JournalRecordFormat.Alignment];
        JournalFileHeader.Write(block, JournalFileHeader.CheckpointMagic, position.Generation, position.Offset);
        RandomAccess.Write(_handle, block, 0);
        FileSystemFlush.FlushData(_handle);
    }

    /// <summary>A handle on the journal's file system, for flushing it as a whole.</summary>
    public SafeFileHandle Handle => _handle;

    public void Dispose() => _handle.Dispose();
}
