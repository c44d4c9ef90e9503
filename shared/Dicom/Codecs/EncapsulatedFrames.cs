using System.Buffers.Binary;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Which fragments of encapsulated Pixel Data hold which frame (PS3.5 A.4): a single frame is all
/// fragments; several frames are located by the Extended Offset Table, else the Basic Offset Table,
/// else one fragment per frame, else (JPEG family) by the fragments that open a new codestream.
/// </summary>
internal static class EncapsulatedFrames
{
    private static readonly byte[] StartOfImage = [0xFF, 0xD8];

    /// <summary>The compressed bytes of frame <paramref name="frameIndex"/>: its fragments concatenated.</summary>
    public static byte[] Frame(DicomDataset dataset, DicomFragmentSequence pixels, int frameIndex, int frames) =>
        Frame(pixels, FirstFragments(dataset, pixels, frames), frameIndex);

    /// <summary>Every frame's compressed bytes in order, locating the frames once.</summary>
    public static IEnumerable<byte[]> Frames(DicomDataset dataset, DicomFragmentSequence pixels, int frames)
    {
        var starts = FirstFragments(dataset, pixels, frames);
        for (var frame = 0; frame < frames; frame++)
        {
            yield return Frame(pixels, starts, frame);
        }
    }

    private static byte[] Frame(DicomFragmentSequence pixels, int[] starts, int frameIndex)
    {
        var end = frameIndex + 1 < starts.Length ? starts[frameIndex + 1] : pixels.Fragments.Count;
        return Concatenate(pixels.Fragments, starts[frameIndex], end);
    }

    /// <summary>Index of the first fragment of every frame.</summary>
    private static int[] FirstFragments(DicomDataset dataset, DicomFragmentSequence pixels, int frames)
    {
        if (pixels.Fragments.Count == 0)
        {
            throw new DicomFormatException("Encapsulated Pixel Data has no fragments.");
        }
        if (frames == 1)
        {
            return [0]; // a single frame is every fragment, whatever the offset table says
        }
        var offsets = OffsetTable(dataset, pixels, frames);
        if (offsets is not null)
        {
            return FragmentsAt(pixels.Fragments, offsets);
        }
        if (pixels.Fragments.Count == frames)
        {
            return Enumerable.Range(0, frames).ToArray();
        }
        var opening = Enumerable.Range(0, pixels.Fragments.Count)
            .Where(i => pixels.Fragments[i].Span.StartsWith(StartOfImage)).ToArray();
        if (opening.Length == frames && opening[0] == 0)
        {
            return opening;
        }
        throw new DicomFormatException(
            $"Encapsulated Pixel Data has {pixels.Fragments.Count} fragments for {frames} frames and no offset table to tell which belong to which frame.");
    }

    /// <summary>Frame offsets from the Extended Offset Table (64-bit) or the Basic Offset Table (32-bit); null when neither is present.</summary>
    private static long[]? OffsetTable(DicomDataset dataset, DicomFragmentSequence pixels, int frames)
    {
        if (dataset.GetBytes(DicomTags.ExtendedOffsetTable) is { Length: > 0 } extended)
        {
            return Read(extended.Span, 8, frames, "Extended Offset Table");
        }
        return pixels.OffsetTable.IsEmpty ? null : Read(pixels.OffsetTable.Span, 4, frames, "Basic Offset Table");
    }

    private static long[] Read(ReadOnlySpan<byte> table, int width, int frames, string name)
    {
        if (table.Length != frames * width)
        {
            throw new DicomFormatException($"{name} holds {table.Length / width} offsets for {frames} frames.");
        }
        var offsets = new long[frames];
        for (var i = 0; i < frames; i++)
        {
            offsets[i] = width == 8
                ? (long)BinaryPrimitives.ReadUInt64LittleEndian(table[(i * 8)..])
                : BinaryPrimitives.ReadUInt32LittleEndian(table[(i * 4)..]);
        }
        return offsets;
    }

    /// <summary>Offsets count bytes from the first fragment's item tag; each must land on a fragment's item tag.</summary>
    private static int[] FragmentsAt(IReadOnlyList<ReadOnlyMemory<byte>> fragments, long[] offsets)
    {
        var positions = new Dictionary<long, int>();
        long position = 0;
        for (var i = 0; i < fragments.Count; i++)
        {
            positions[position] = i;
            position += 8 + fragments[i].Length;
        }
        var starts = new int[offsets.Length];
        for (var frame = 0; frame < offsets.Length; frame++)
        {
            if (!positions.TryGetValue(offsets[frame], out starts[frame]) || (frame > 0 && starts[frame] <= starts[frame - 1]))
            {
                throw new DicomFormatException($"Offset table entry {frame} ({offsets[frame]}) does not point at the start of a later fragment.");
            }
        }
        return starts;
    }

    private static byte[] Concatenate(IReadOnlyList<ReadOnlyMemory<byte>> fragments, int from, int to)
    {
        if (to - from == 1)
        {
            return fragments[from].ToArray();
        }
        var bytes = new byte[Enumerable.Range(from, to - from).Sum(i => (long)fragments[i].Length)];
        var position = 0;
        for (var i = from; i < to; i++)
        {
            fragments[i].Span.CopyTo(bytes.AsSpan(position));
            position += fragments[i].Length;
        }
        return bytes;
    }
}
