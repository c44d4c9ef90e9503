namespace AmpaCds.Dicom;

/// <summary>An SQ element: an ordered list of item datasets.</summary>
public sealed class DicomSequence : DicomItem
{
    private readonly List<DicomDataset> _items;

    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset> items, bool undefinedLength = true) : base(tag, DicomVR.SQ)
    {
        _items = [.. items];
        UndefinedLength = undefinedLength;
    }

    public IReadOnlyList<DicomDataset> Items => _items;

    /// <summary>
    /// How the sequence was (or will be) encoded. Kept from the input so a re-write is byte-identical;
    /// new sequences use undefined length with a delimiter, which needs no length pre-computation.
    /// </summary>
    public bool UndefinedLength { get; }

    internal void AttachTo(DicomDataset parent)
    {
        foreach (var item in _items) item.Parent = parent;
    }

    public override string ToString() => $"{Tag} SQ [{_items.Count} items]";
}
