namespace AmpaCds.Intake.Series;

/// <summary>What is stored for a series right now: its instances in ordinal UID order and their InputHash.</summary>
public sealed class SeriesManifest
{
    public SeriesManifest(IEnumerable<ManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.OrderBy(entry => entry.SopInstanceUid, StringComparer.Ordinal).ToList();
        InputHash = SeriesInputHash.Compute(Entries);
    }

    public IReadOnlyList<ManifestEntry> Entries { get; }

    public string InputHash { get; }

    public int Count => Entries.Count;
}
