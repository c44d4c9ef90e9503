using System.Text;
using System.Text.Json;

namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>
/// Whole-file writes that a reader never sees half done and that survive a crash once they return:
/// the content goes to a temporary file in the target's folder, the file is fsynced, renamed over the
/// target, and the folder is fsynced so the rename itself is on the device. If the write fails, the
/// previous target is untouched and the temporary file is removed. The folder is created if missing.
/// </summary>
public static class DurableFile
{
    /// <summary>Suffix of the temporary files; listings skip names that end with it.</summary>
    public const string TemporarySuffix = ".partial";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content) => Write(path, content, flushToDisk: true);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    public static void WriteJson<T>(string path, T value, JsonSerializerOptions? options = null) =>
        WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, options));

    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);

    public static Task WriteJsonAsync<T>(string path, T value, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, value, options, token), cancellationToken);

    /// <summary>Copies <paramref name="content"/> from its current position to the end.</summary>
    public static Task WriteStreamAsync(string path, Stream content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, token) => content.CopyToAsync(stream, token), cancellationToken);

    /// <summary>
    /// The same temporary file and rename, so readers never see part of the file, without any flush:
    /// for a caller that holds a durable copy elsewhere and flushes the file system itself (Intake's journal).
    /// </summary>
    public static void WriteAllBytesUnflushed(string path, ReadOnlySpan<byte> content) => Write(path, content, flushToDisk: false);

    /// <summary>
    /// Flushes a file that other code wrote (e.g. a library that only writes to a path) to the device;
    /// for folder-level atomicity write it into a staging folder, flush it, and rename the folder.
    /// </summary>
    public static void FlushExisting(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Makes renames and new entries in the folder durable (fsync of the folder; Linux only).</summary>
    public static void FlushFolder(string folder) => FolderSync.Flush(Path.GetFullPath(folder));

    /// <summary>Writes whatever <paramref name="write"/> puts in the stream, with the guarantees above.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var (target, folder, temporary) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        FolderSync.Flush(folder);
    }

    /// <summary>Synchronous <see cref="WriteAsync"/>, for content produced piece by piece (e.g. a large preallocated file).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var (target, folder, temporary) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        FolderSync.Flush(folder);
    }

    private static void Write(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var (target, folder, temporary) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        if (flushToDisk)
        {
            FolderSync.Flush(folder);
        }
    }

    private static (string Target, string Folder, string Temporary) Prepare(string path)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} names no file", nameof(path));
        Directory.CreateDirectory(folder);
        return (target, folder, $"{target}.{Guid.NewGuid():N}{TemporarySuffix}");
    }
}
