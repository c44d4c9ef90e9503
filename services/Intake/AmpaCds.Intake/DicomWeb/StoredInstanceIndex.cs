using AmpaCds.Dicom;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// Headers of the instances in the blob store, for QIDO-RS. Each search lists the store's keys
/// (a directory walk, no file reads) and parses only headers it has not seen, so instances stored
/// by C-STORE, STOW-RS or the folder importer all appear without any hook into InstanceIntake,
/// and deleted ones disappear.
/// </summary>
public sealed class StoredInstanceIndex(IBlobStore blobs, ILogger<StoredInstanceIndex> logger)
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private readonly Dictionary<string, StoredInstance> _byKey = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<StoredInstance> Snapshot()
    {
        var keys = blobs.List("studies/").Where(IsInstanceKey).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var gone in _byKey.Keys.Where(key => !keys.Contains(key)).ToList())
            {
                _byKey.Remove(gone);
            }
            foreach (var key in keys.Where(key => !_byKey.ContainsKey(key)))
            {
                if (ReadHeader(key) is { } instance)
                {
                    _byKey[key] = instance;
                }
            }
            return [.. _byKey.Values];
        }
    }

    // studies/{study}/{series}/instances/{sop}.dcm (SeriesKeys.Instance)
    private static bool IsInstanceKey(string key) =>
        key.EndsWith(".dcm", StringComparison.Ordinal) && key.Contains("/instances/", StringComparison.Ordinal);

    private StoredInstance? ReadHeader(string key)
    {
        try
        {
            // QIDO-RS and C-FIND search synchronously; the file store's open completes synchronously.
            using var stream = blobs.OpenReadAsync(key).GetAwaiter().GetResult();
            return StoredInstance.FromHeader(DicomFile.Open(stream, HeaderOnly).Dataset);
        }
        catch (Exception error) when (error is DicomFormatException or IOException)
        {
            // Not cached, so it is tried again on the next search (e.g. a file being replaced).
            logger.LogWarning("Stored instance {Key} skipped by QIDO-RS: {Reason}", key, error.Message);
            return null;
        }
    }
}
