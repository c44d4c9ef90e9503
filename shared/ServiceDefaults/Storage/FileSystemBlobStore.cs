namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>
/// Blob store on a local folder. Writes go through <see cref="DurableFile"/> (temporary file, fsync,
/// rename, folder fsync), so a reader never sees a partial object and a success reply means the
/// bytes survive a crash.
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
        DurableFile.WriteAllBytes(PathOf(key), content.Span);
        return Task.CompletedTask;
    }

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default) =>
        DurableFile.WriteStreamAsync(PathOf(key), content, cancellationToken);

    /// <summary>
    /// Same temporary file and rename (readers never see part of the object), without the fsync: for a
    /// caller that already holds a durable copy and flushes the file system itself (Intake's journal).
    /// </summary>
    public void PutUnflushed(string key, ReadOnlySpan<byte> content) => DurableFile.WriteAllBytesUnflushed(PathOf(key), content);

    public Task<byte[]> GetAsync(string key, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(PathOf(key), cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: an object replaced or deleted while it is read keeps the old bytes for this reader.
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (DirectoryNotFoundException error)
        {
            throw new FileNotFoundException(error.Message, key, error);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(Exists(key));

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => Task.FromResult(List(prefix));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public IReadOnlyList<string> List(string prefix)
    {
        var folder = PathOf(prefix);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(DurableFile.TemporarySuffix, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The local folder of a prefix, outside <see cref="IBlobStore"/> on purpose: only Intake's journal
    /// may use it, for its own prefix, because the journal is Intake's node-local data and is inherently
    /// a file (it must share the file system with the blobs that one syncfs flushes). No other service
    /// reads or writes blobs through paths.
    /// </summary>
    public string OwnLocalFolder(string prefix) => PathOf(prefix);

    public long AvailableFreeBytes() => new DriveInfo(_root).AvailableFreeSpace;

    private string PathOf(string key) => Path.Combine(_root, BlobKeys.Validate(key).Replace('/', Path.DirectorySeparatorChar));
}
