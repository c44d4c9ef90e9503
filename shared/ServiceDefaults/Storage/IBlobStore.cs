namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>Large objects (DICOM instances, maps, reports) by key. Keys use '/' separators.</summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes and returns only once they are durable (flushed to the device).</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    Task<byte[]> GetAsync(string key, CancellationToken cancellationToken = default);

    bool Exists(string key);

    /// <summary>Keys directly or indirectly under the prefix, in ordinal order.</summary>
    IReadOnlyList<string> List(string prefix);

    /// <summary>Local path of a key, for readers that need a file (external tools, lazy DICOM parsing).</summary>
    string LocalPath(string key);

    /// <summary>Free bytes where blobs are written, so callers can refuse work before the disk fills.</summary>
    long AvailableFreeBytes();
}
