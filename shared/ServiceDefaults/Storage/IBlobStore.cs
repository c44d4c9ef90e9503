namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>
/// Large objects (DICOM instances, maps, reports) by key. Keys use '/' separators. The interface
/// gives bytes and streams, never local paths, so a store over the S3 API can replace the file
/// system one (docs/STORAGE.md); a service learns another service's keys from messages.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes and returns only once they are durable (flushed to the device).</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Stores the stream from its position to its end; returns once durable. Readers never see a partial object.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No object has the key.</exception>
    Task<byte[]> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading; seekable (and with a length) where the store can.</summary>
    /// <exception cref="FileNotFoundException">No object has the key.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Keys directly or indirectly under the prefix, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; no error when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Synchronous <see cref="ExistsAsync"/>, kept for the many tests and DIMSE paths that are synchronous.</summary>
    bool Exists(string key);

    /// <summary>Synchronous <see cref="ListAsync"/>, kept for the many tests and DIMSE paths that are synchronous.</summary>
    IReadOnlyList<string> List(string prefix);

    /// <summary>Free bytes where blobs are written, so callers can refuse work before the disk fills.</summary>
    long AvailableFreeBytes();
}
