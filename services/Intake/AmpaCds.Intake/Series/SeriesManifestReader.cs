using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Builds a series' manifest from what is stored, not from what the tracker saw in this session:
/// the announcement must describe the files Quantification will read.
/// </summary>
public sealed class SeriesManifestReader(IBlobStore blobs, DurableInstanceStore store)
{
    private const string InstanceSuffix = ".dcm";

    public async Task<SeriesManifest> ReadAsync(string studyUid, string seriesUid, CancellationToken cancellationToken)
    {
        // Every acknowledged instance must be in its file before its bytes are hashed.
        await store.WhenVisibleAsync(cancellationToken);
        var prefix = SeriesKeys.InstancesPrefix(studyUid, seriesUid);
        var entries = new List<ManifestEntry>();
        foreach (var key in await blobs.ListAsync(prefix, cancellationToken))
        {
            var name = key[prefix.Length..];
            if (name.Contains('/', StringComparison.Ordinal) || !name.EndsWith(InstanceSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            // Every stored instance was parsed and validated when it arrived, so it parses here.
            var stored = await blobs.GetAsync(key, cancellationToken);
            entries.Add(new ManifestEntry(name[..^InstanceSuffix.Length], InstanceContentHash.Of(stored)));
        }
        return new SeriesManifest(entries);
    }
}
