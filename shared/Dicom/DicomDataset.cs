using System.Collections;

namespace AmpaCds.Dicom;

/// <summary>
/// An ordered (by tag) collection of DICOM items. Values stay as raw bytes until a getter decodes them.
/// Getters live in DicomDataset.Getters.cs, setters in DicomDataset.Setters.cs.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomItem>
{
    private readonly SortedList<DicomTag, DicomItem> _items = [];
    private string[]? _characterSetTerms;

    public DicomDataset()
    {
    }

    public DicomDataset(IEnumerable<DicomItem> items)
    {
        foreach (var item in items) AddOrUpdate(item);
    }

    /// <summary>The dataset that owns the sequence holding this item; supplies the inherited character set.</summary>
    internal DicomDataset? Parent { get; set; }

    /// <summary>Item encoding when this dataset is a sequence item; kept from input for byte-identical re-writes.</summary>
    internal bool UndefinedLength { get; set; } = true;

    public int Count => _items.Count;

    public bool Contains(DicomTag tag) => _items.ContainsKey(tag);

    public DicomItem? GetItem(DicomTag tag) => _items.GetValueOrDefault(tag);

    public bool TryGetElement(DicomTag tag, out DicomElement element)
    {
        if (_items.TryGetValue(tag, out var item) && item is DicomElement e)
        {
            element = e;
            return true;
        }
        element = null!;
        return false;
    }

    /// <summary>Adds the item or replaces the one with the same tag.</summary>
    public DicomDataset AddOrUpdate(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is DicomSequence sequence) sequence.AttachTo(this);
        _items[item.Tag] = item;
        if (item.Tag == DicomTags.SpecificCharacterSet) _characterSetTerms = null;
        return this;
    }

    public bool Remove(DicomTag tag)
    {
        if (tag == DicomTags.SpecificCharacterSet) _characterSetTerms = null;
        return _items.Remove(tag);
    }

    /// <summary>Shallow copy: same (immutable) items, new container.</summary>
    public DicomDataset Clone() => new(_items.Values) { UndefinedLength = UndefinedLength };

    /// <summary>Specific Character Set terms in effect here, inherited from the enclosing dataset when absent.</summary>
    internal IReadOnlyList<string> CharacterSetTerms
    {
        get
        {
            if (_characterSetTerms is not null) return _characterSetTerms;
            if (_items.TryGetValue(DicomTags.SpecificCharacterSet, out var item) && item is DicomElement e)
            {
                // Terms are plain ASCII; an empty first value means "default repertoire" but keeps its slot.
                var text = System.Text.Encoding.ASCII.GetString(e.Buffer.Span).TrimEnd(' ', '\0');
                _characterSetTerms = text.Length == 0 ? [] : text.Split('\\').Select(t => t.Trim()).ToArray();
                return _characterSetTerms;
            }
            return Parent?.CharacterSetTerms ?? [];
        }
    }

    public IEnumerator<DicomItem> GetEnumerator() => _items.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
