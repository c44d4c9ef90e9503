using AmpaCds.Reporting.PacsExport;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>The objects of one report version, or why there are none (yet).</summary>
public sealed record PacsObjectSet(IReadOnlyDictionary<PacsObjectKind, StoredPacsObject> Objects, string? SupersededReason, bool Waiting)
{
    /// <summary>The version's run is still being worked on (or re-run with the same input): ask again later.</summary>
    public static PacsObjectSet NotYet { get; } = new(new Dictionary<PacsObjectKind, StoredPacsObject>(), null, true);

    public static PacsObjectSet Ready(IReadOnlyDictionary<PacsObjectKind, StoredPacsObject> objects) => new(objects, null, false);

    public static PacsObjectSet Superseded(string reason) => new(new Dictionary<PacsObjectKind, StoredPacsObject>(), reason, false);
}
