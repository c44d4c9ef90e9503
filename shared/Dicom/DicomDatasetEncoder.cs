using System.Buffers.Binary;

namespace AmpaCds.Dicom;

/// <summary>Measures and writes Little Endian datasets (implicit or explicit VR), honouring the original sequence/item length styles.</summary>
internal sealed class DicomDatasetEncoder(bool explicitVR)
{
    private const uint UndefinedLength = 0xFFFF_FFFF;

    public long Measure(DicomDataset dataset)
    {
        long total = 0;
        foreach (var item in dataset) total += MeasureItem(item);
        return total;
    }

    private long MeasureItem(DicomItem item) => item switch
    {
        DicomElement e => HeaderSize(EffectiveVR(e)) + e.Length,
        DicomSequence s => HeaderSize(DicomVR.SQ) + MeasureSequenceBody(s) + (s.UndefinedLength ? 8 : 0),
        DicomFragmentSequence f => HeaderSize(f.VR) + 8 + f.OffsetTable.Length + f.Fragments.Sum(x => 8L + x.Length) + 8,
        _ => throw new InvalidOperationException($"Unknown item type {item.GetType().Name}."),
    };

    private long MeasureSequenceBody(DicomSequence s)
    {
        long total = 0;
        foreach (var dataset in s.Items) total += 8 + Measure(dataset) + (dataset.UndefinedLength ? 8 : 0);
        return total;
    }

    public int Encode(DicomDataset dataset, Span<byte> dest)
    {
        var pos = 0;
        foreach (var item in dataset) pos += EncodeItem(item, dest[pos..]);
        return pos;
    }

    private int EncodeItem(DicomItem item, Span<byte> dest)
    {
        switch (item)
        {
            case DicomElement e:
            {
                var pos = WriteHeader(dest, e.Tag, EffectiveVR(e), (uint)e.Length);
                e.Buffer.Span.CopyTo(dest[pos..]);
                return pos + e.Length;
            }
            case DicomSequence s:
            {
                var bodyLength = s.UndefinedLength ? UndefinedLength : checked((uint)MeasureSequenceBody(s));
                var pos = WriteHeader(dest, s.Tag, DicomVR.SQ, bodyLength);
                foreach (var dataset in s.Items)
                {
                    var itemLength = dataset.UndefinedLength ? UndefinedLength : checked((uint)Measure(dataset));
                    pos += WriteDelimiter(dest[pos..], DicomTags.Item, itemLength);
                    pos += Encode(dataset, dest[pos..]);
                    if (dataset.UndefinedLength) pos += WriteDelimiter(dest[pos..], DicomTags.ItemDelimitationItem, 0);
                }
                if (s.UndefinedLength) pos += WriteDelimiter(dest[pos..], DicomTags.SequenceDelimitationItem, 0);
                return pos;
            }
            case DicomFragmentSequence f:
            {
                var pos = WriteHeader(dest, f.Tag, f.VR, UndefinedLength);
                pos += WriteFragment(dest[pos..], f.OffsetTable.Span);
                foreach (var fragment in f.Fragments) pos += WriteFragment(dest[pos..], fragment.Span);
                return pos + WriteDelimiter(dest[pos..], DicomTags.SequenceDelimitationItem, 0);
            }
            default:
                throw new InvalidOperationException($"Unknown item type {item.GetType().Name}.");
        }
    }

    private static int WriteFragment(Span<byte> dest, ReadOnlySpan<byte> data)
    {
        var pos = WriteDelimiter(dest, DicomTags.Item, (uint)data.Length);
        data.CopyTo(dest[pos..]);
        return pos + data.Length;
    }

    private int HeaderSize(DicomVR vr) => !explicitVR ? 8 : vr.HasLongExplicitHeader ? 12 : 8;

    // A short-header VR cannot carry more than 0xFFFE bytes in explicit VR; PS3.5 6.2.2 says such values go out as UN.
    private DicomVR EffectiveVR(DicomElement e) =>
        explicitVR && !e.VR.HasLongExplicitHeader && e.Length > 0xFFFE ? DicomVR.UN : e.VR;

    private int WriteHeader(Span<byte> dest, DicomTag tag, DicomVR vr, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(dest, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(dest[2..], tag.Element);
        if (!explicitVR)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(dest[4..], length);
            return 8;
        }
        dest[4] = (byte)vr.Code[0];
        dest[5] = (byte)vr.Code[1];
        if (!vr.HasLongExplicitHeader)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(dest[6..], (ushort)length);
            return 8;
        }
        dest[6] = 0;
        dest[7] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(dest[8..], length);
        return 12;
    }

    private static int WriteDelimiter(Span<byte> dest, DicomTag tag, uint length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(dest, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(dest[2..], tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(dest[4..], length);
        return 8;
    }
}
