using System.Buffers.Binary;

namespace AmpaCds.Dicom;

/// <summary>
/// Cursor-based dataset parser. Every length read from the input is checked against the bytes that remain
/// before anything is sliced or allocated, so malformed input fails fast with <see cref="DicomFormatException"/>.
/// </summary>
internal sealed class DicomDatasetParser
{
    private const uint UndefinedLength = 0xFFFF_FFFF;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly bool _bigEndian;
    private readonly DicomReadOptions _options;
    private int _pos;

    private readonly string? _encapsulatedSyntaxUid;

    public DicomDatasetParser(ReadOnlyMemory<byte> data, bool explicitVR, bool bigEndian, DicomReadOptions options, string? encapsulatedSyntaxUid = null)
    {
        _encapsulatedSyntaxUid = encapsulatedSyntaxUid;
        _data = data;
        ExplicitVR = explicitVR;
        _bigEndian = bigEndian;
        _options = options;
    }

    private bool ExplicitVR { get; set; }

    /// <summary>Bytes consumed so far (used by the file reader to find where the meta group ends).</summary>
    public int Position => _pos;

    public DicomDataset ParseTopLevel()
    {
        var dataset = new DicomDataset();
        ParseElements(dataset, _data.Length, untilItemDelimiter: false, depth: 0, stopAtGroupChange: null);
        return dataset;
    }

    /// <summary>Parses only elements of one group (file meta), stopping at the first tag of another group.</summary>
    public DicomDataset ParseGroup(ushort group)
    {
        var dataset = new DicomDataset();
        ParseElements(dataset, _data.Length, untilItemDelimiter: false, depth: 0, stopAtGroupChange: group);
        return dataset;
    }

    private void ParseElements(DicomDataset dataset, int end, bool untilItemDelimiter, int depth, ushort? stopAtGroupChange)
    {
        var span = _data.Span;
        while (_pos < end)
        {
            Require(4, end, "element tag");
            var tag = ReadTag(span);
            if (stopAtGroupChange is { } g && tag.Group != g) return;
            _pos += 4;
            if (tag == DicomTags.ItemDelimitationItem)
            {
                Require(4, end, "item delimiter length");
                _pos += 4;
                if (untilItemDelimiter) return;
                throw Error("item delimiter outside an undefined-length item");
            }
            if (tag.Group == 0xFFFE) throw Error($"unexpected delimiter tag {tag} inside a dataset");

            var (vr, length) = ReadVRAndLength(span, tag, end);
            if (depth == 0 && _options.StopBeforePixelData && tag == DicomTags.PixelData)
            {
                _pos = end;
                return;
            }
            dataset.AddOrUpdate(ReadValue(tag, vr, length, end, depth));
        }
        if (untilItemDelimiter) throw Error("truncated: undefined-length item has no item delimiter");
    }

    private (DicomVR vr, uint length) ReadVRAndLength(ReadOnlySpan<byte> span, DicomTag tag, int end)
    {
        if (!ExplicitVR)
        {
            Require(4, end, "element length");
            var implicitLength = ReadUInt32(span);
            _pos += 4;
            var vr = DicomDictionary.GetVR(tag);
            // An unknown implicit element of undefined length can only be a sequence (PS3.5 7.5.1).
            if (implicitLength == UndefinedLength && vr == DicomVR.UN && tag != DicomTags.PixelData) vr = DicomVR.SQ;
            return (vr, implicitLength);
        }
        Require(4, end, "explicit VR header");
        if (!DicomVR.TryParse(span[_pos], span[_pos + 1], out var explicitVR))
            throw Error($"invalid VR bytes 0x{span[_pos]:X2}{span[_pos + 1]:X2} for {tag}");
        if (!explicitVR.HasLongExplicitHeader)
        {
            var shortLength = _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[(_pos + 2)..])
                : BinaryPrimitives.ReadUInt16LittleEndian(span[(_pos + 2)..]);
            _pos += 4;
            return (explicitVR, shortLength);
        }
        Require(8, end, "explicit VR long header");
        _pos += 4;
        var length = ReadUInt32(span);
        _pos += 4;
        return (explicitVR, length);
    }

    private DicomItem ReadValue(DicomTag tag, DicomVR vr, uint length, int end, int depth)
    {
        if (length == UndefinedLength)
        {
            if (tag == DicomTags.PixelData && vr != DicomVR.SQ) return ReadFragments(tag, vr, end);
            if (vr == DicomVR.SQ) return ReadSequence(tag, undefinedLength: true, end, depth);
            if (vr == DicomVR.UN) return ReadUnknownSequence(tag, end, depth);
            throw Error($"undefined length on non-sequence element {tag} {vr}");
        }
        if (length > (uint)(end - _pos)) throw Error($"value length {length} of {tag} runs past the end ({end - _pos} bytes left)");
        if ((length & 1) != 0) throw Error($"odd value length {length} for {tag} {vr}; DICOM values have even length");
        if (vr == DicomVR.SQ) return ReadSequence(tag, undefinedLength: false, _pos + (int)length, depth);

        var value = _data.Slice(_pos, (int)length);
        _pos += (int)length;
        if (_bigEndian && vr.UnitSize > 1) value = SwapToLittleEndian(value.Span, vr.UnitSize);
        return new DicomElement(tag, vr, value);
    }

    // Explicit-VR UN with undefined length holds a sequence encoded in Implicit VR LE (PS3.5 6.2.2, CP-246).
    private DicomSequence ReadUnknownSequence(DicomTag tag, int end, int depth)
    {
        var wasExplicit = ExplicitVR;
        ExplicitVR = false;
        try { return ReadSequence(tag, undefinedLength: true, end, depth); }
        finally { ExplicitVR = wasExplicit; }
    }

    private DicomSequence ReadSequence(DicomTag tag, bool undefinedLength, int end, int depth)
    {
        if (depth + 1 > _options.MaxSequenceDepth)
            throw Error($"sequence nesting deeper than {_options.MaxSequenceDepth} at {tag}");
        var span = _data.Span;
        var items = new List<DicomDataset>();
        while (true)
        {
            if (!undefinedLength && _pos >= end) break;
            Require(8, end, undefinedLength ? "sequence item or delimiter (missing sequence delimiter?)" : "sequence item header");
            var itemTag = ReadTag(span);
            _pos += 4;
            var itemLength = ReadUInt32(span);
            _pos += 4;
            if (itemTag == DicomTags.SequenceDelimitationItem)
            {
                if (undefinedLength) break;
                throw Error($"sequence delimiter inside defined-length sequence {tag}");
            }
            if (itemTag != DicomTags.Item) throw Error($"expected item tag in sequence {tag}, found {itemTag}");
            var item = new DicomDataset { UndefinedLength = itemLength == UndefinedLength };
            if (itemLength == UndefinedLength)
            {
                ParseElements(item, end, untilItemDelimiter: true, depth + 1, stopAtGroupChange: null);
            }
            else
            {
                if (itemLength > (uint)(end - _pos)) throw Error($"item length {itemLength} in {tag} runs past the end");
                var itemEnd = _pos + (int)itemLength;
                ParseElements(item, itemEnd, untilItemDelimiter: false, depth + 1, stopAtGroupChange: null);
            }
            items.Add(item);
        }
        return new DicomSequence(tag, items, undefinedLength);
    }

    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr, int end)
    {
        var span = _data.Span;
        ReadOnlyMemory<byte>? offsetTable = null;
        var fragments = new List<ReadOnlyMemory<byte>>();
        while (true)
        {
            Require(8, end, "pixel data fragment header (missing sequence delimiter?)");
            var itemTag = ReadTag(span);
            _pos += 4;
            var length = ReadUInt32(span);
            _pos += 4;
            if (itemTag == DicomTags.SequenceDelimitationItem) break;
            if (itemTag != DicomTags.Item) throw Error($"expected fragment item in encapsulated pixel data, found {itemTag}");
            if (length > (uint)(end - _pos)) throw Error($"fragment length {length} runs past the end");
            var fragment = _data.Slice(_pos, (int)length);
            _pos += (int)length;
            if (offsetTable is null) offsetTable = fragment;
            else fragments.Add(fragment);
        }
        return new DicomFragmentSequence(tag, vr, offsetTable ?? ReadOnlyMemory<byte>.Empty, fragments) { TransferSyntaxUid = _encapsulatedSyntaxUid };
    }

    private DicomTag ReadTag(ReadOnlySpan<byte> span) => _bigEndian
        ? new DicomTag(BinaryPrimitives.ReadUInt16BigEndian(span[_pos..]), BinaryPrimitives.ReadUInt16BigEndian(span[(_pos + 2)..]))
        : new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(span[_pos..]), BinaryPrimitives.ReadUInt16LittleEndian(span[(_pos + 2)..]));

    private uint ReadUInt32(ReadOnlySpan<byte> span) => _bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(span[_pos..])
        : BinaryPrimitives.ReadUInt32LittleEndian(span[_pos..]);

    private void Require(int count, int end, string what)
    {
        if (end - _pos < count) throw Error($"truncated: need {count} bytes for {what}, {Math.Max(0, end - _pos)} left");
    }

    private static byte[] SwapToLittleEndian(ReadOnlySpan<byte> source, int unitSize)
    {
        var copy = source.ToArray();
        for (var i = 0; i + unitSize <= copy.Length; i += unitSize) copy.AsSpan(i, unitSize).Reverse();
        return copy;
    }

    private DicomFormatException Error(string message) => new($"Malformed DICOM at offset {_pos}: {message}.");
}
