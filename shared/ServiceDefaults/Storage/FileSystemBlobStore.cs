namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>
/// Blob store on a local folder. Writes go to a temporary file that is fsynced and then renamed,
/// so a reader never sees a partial object and a success reply means the bytes survive a crash.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;

    public FileSystemBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(key, content.Span, flushToDisk: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Same temporary file and rename (readers never see part of the object), without the fsync: for a
    /// caller that already holds a durable copy and flushes the file system itself (Intake's journal).
    /// </summary>
    public void PutUnflushed(string key, ReadOnlySpan<byte> content) => Write(key, content, flushToDisk: false);

    private void Write(string key, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        var path = LocalPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<byte[]> GetAsync(string key, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(LocalPath(key), cancellationToken);

    public bool Exists(string key) => File.Exists(LocalPath(key));

    public IReadOnlyList<string> List(string prefix)
    {
        var folder = LocalPath(prefix);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".partial", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string LocalPath(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
        {
            throw new BlobKeyException(key, "keys are relative and may not contain '..'");
        }
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    public long AvailableFreeBytes() => new DriveInfo(_root).AvailableFreeSpace;
}
