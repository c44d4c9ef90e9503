using System.Globalization;

namespace AmpaCds.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>Whole value as text (multi-values keep their backslashes), trimmed; null if the tag is absent.</summary>
    public string? GetString(DicomTag tag) =>
        TryGetElement(tag, out var e) ? DecodeText(e) : null;

    public bool TryGetString(DicomTag tag, out string value)
    {
        value = GetString(tag)!;
        return value is not null;
    }

    /// <summary>Backslash-separated values, each trimmed; empty if absent.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        if (!TryGetElement(tag, out var e) || e.Length == 0) return [];
        var text = DecodeText(e);
        if (e.VR.Kind == DicomVRKind.Text && !e.VR.IsMultiValuedText) return [text];
        var parts = text.Split('\\');
        for (var i = 0; i < parts.Length; i++) parts[i] = parts[i].Trim(' ', '\0');
        return parts;
    }

    /// <summary>Number at <paramref name="index"/> from DS/IS text or any binary numeric VR.</summary>
    public double GetDouble(DicomTag tag, int index = 0) =>
        TryGetDouble(tag, out var value, index) ? value
            : throw new KeyNotFoundException($"No numeric value {index} for {tag}.");

    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        if (!TryGetElement(tag, out var e) || index < 0) return false;
        if (DicomValueParser.IsBinaryNumeric(e.VR))
        {
            if (index >= DicomValueParser.CountBinary(e)) return false;
            value = DicomValueParser.ReadBinary(e.VR, e.Buffer.Span, index);
            return true;
        }
        var parts = GetStrings(tag);
        return index < parts.Length && DicomValueParser.TryParseNumber(parts[index], out value);
    }

    /// <summary>All numeric values; empty if absent. Throws <see cref="DicomFormatException"/> if one is not a number.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        if (!TryGetElement(tag, out var e)) return [];
        if (DicomValueParser.IsBinaryNumeric(e.VR))
        {
            var values = new double[DicomValueParser.CountBinary(e)];
            for (var i = 0; i < values.Length; i++) values[i] = DicomValueParser.ReadBinary(e.VR, e.Buffer.Span, i);
            return values;
        }
        return GetStrings(tag).Select(s => DicomValueParser.TryParseNumber(s, out var d) ? d
            : throw new DicomFormatException($"Value '{s}' of {tag} is not a number.")).ToArray();
    }

    public int GetInt(DicomTag tag, int index = 0) =>
        TryGetInt(tag, out var value, index) ? value
            : throw new KeyNotFoundException($"No integer value {index} for {tag}.");

    public bool TryGetInt(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetDouble(tag, out var d, index) || d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) return false;
        value = (int)d;
        return true;
    }

    /// <summary>Items of a sequence; empty when the tag is absent or not a sequence.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) =>
        _items.TryGetValue(tag, out var item) && item is DicomSequence s ? s.Items : [];

    public bool TryGetSequence(DicomTag tag, out IReadOnlyList<DicomDataset> items)
    {
        items = GetSequence(tag);
        return _items.TryGetValue(tag, out var item) && item is DicomSequence;
    }

    /// <summary>Raw value bytes (little-endian, with padding); empty if absent.</summary>
    public ReadOnlyMemory<byte> GetBytes(DicomTag tag) =>
        TryGetElement(tag, out var e) ? e.Buffer : ReadOnlyMemory<byte>.Empty;

    private string DecodeText(DicomElement e)
    {
        var vr = e.VR;
        if (vr.Kind != DicomVRKind.Text && vr != DicomVR.UN) return DicomValueParser.FormatBinary(e);
        var text = vr.UsesCharacterSet
            ? DicomCharacterSet.Decode(e.Buffer.Span, CharacterSetTerms)
            : System.Text.Encoding.Latin1.GetString(e.Buffer.Span);
        // Leading spaces are significant in the free-text VRs only (PS3.5 6.2).
        return vr == DicomVR.LT || vr == DicomVR.ST || vr == DicomVR.UT || vr == DicomVR.UR
            ? text.TrimEnd(' ', '\0')
            : text.Trim(' ', '\0');
    }

    public override string ToString() =>
        string.Join(Environment.NewLine, _items.Values.Select(i => i is DicomElement e
            ? string.Create(CultureInfo.InvariantCulture, $"{e.Tag} {e.VR} {DescribeValue(e)}")
            : i.ToString()));

    private string DescribeValue(DicomElement e) => e.Length > 64 ? $"[{e.Length} bytes]" : DecodeText(e);
}
