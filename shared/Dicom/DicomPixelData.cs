using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AmpaCds.Dicom;

/// <summary>
/// Access to pixel data: native, or encapsulated in a syntax with a lossless decoder (Codecs.FrameDecoders).
/// Values returned are raw stored values, before Rescale Slope/Intercept; signedness follows Pixel Representation
/// and bits above Bits Stored are masked / sign-extended.
/// </summary>
public static class DicomPixelData
{
    /// <summary>True when Pixel Data is encapsulated (compressed fragments).</summary>
    public static bool IsEncapsulated(DicomDataset dataset) =>
        dataset.GetItem(DicomTags.PixelData) is DicomFragmentSequence;

    /// <summary>Null when the pixel data can be read (native or decodable); otherwise why not.</summary>
    public static string? WhyNotReadable(DicomDataset dataset) =>
        dataset.GetItem(DicomTags.PixelData) is DicomFragmentSequence pixels
            ? pixels.TransferSyntaxUid is { } uid
                ? Codecs.FrameDecoders.WhyNotDecodable(TransferSyntax.Parse(uid))
                : "the transfer syntax of the encapsulated Pixel Data is not known"
            : null;

    /// <summary>Frame geometry and encoding read from the Image Pixel module.</summary>
    public static DicomPixelInfo GetInfo(DicomDataset dataset)
    {
        var rows = Require(dataset, DicomTags.Rows);
        var columns = Require(dataset, DicomTags.Columns);
        var bitsAllocated = Require(dataset, DicomTags.BitsAllocated);
        var bitsStored = dataset.TryGetInt(DicomTags.BitsStored, out var bs) ? bs : bitsAllocated;
        var signed = dataset.TryGetInt(DicomTags.PixelRepresentation, out var pr) && pr == 1;
        var samples = dataset.TryGetInt(DicomTags.SamplesPerPixel, out var spp) ? spp : 1;
        var frames = dataset.TryGetInt(DicomTags.NumberOfFrames, out var nf) && nf > 0 ? nf : 1;
        if (bitsStored < 1 || bitsStored > bitsAllocated)
            throw new DicomFormatException($"Bits Stored {bitsStored} is not within 1..Bits Allocated ({bitsAllocated}).");
        return new DicomPixelInfo(rows, columns, bitsAllocated, bitsStored, signed, samples, frames);
    }

    /// <summary>
    /// One frame's native bytes (little-endian): a zero-copy view for native Pixel Data, a freshly decoded buffer
    /// for encapsulated Pixel Data with a lossless decoder. Other encapsulated data throws NotSupportedException
    /// with the reason (<see cref="WhyNotReadable"/>); a corrupt codestream throws DicomFormatException.
    /// </summary>
    public static ReadOnlyMemory<byte> GetFrameBytes(DicomDataset dataset, int frameIndex)
    {
        var info = GetInfo(dataset);
        var item = dataset.GetItem(DicomTags.PixelData)
            ?? throw new KeyNotFoundException("Dataset has no Pixel Data (7FE0,0010).");
        if (info.BitsAllocated % 8 != 0)
            throw new NotSupportedException($"Bits Allocated {info.BitsAllocated} is not byte aligned.");
        if (frameIndex < 0 || frameIndex >= info.NumberOfFrames)
            throw new ArgumentOutOfRangeException(nameof(frameIndex), $"Frame {frameIndex} outside 0..{info.NumberOfFrames - 1}.");
        if (item is DicomFragmentSequence fragments)
            return Decode(dataset, fragments, info, frameIndex);
        var buffer = ((DicomElement)item).Buffer;
        var frameLength = info.FrameLength;
        if ((long)(frameIndex + 1) * frameLength > buffer.Length)
            throw new DicomFormatException($"Pixel Data holds {buffer.Length} bytes, frame {frameIndex} needs up to {(long)(frameIndex + 1) * frameLength}.");
        return buffer.Slice(frameIndex * frameLength, frameLength);
    }

    /// <summary>
    /// Every frame's native bytes in order, as <see cref="GetFrameBytes"/> gives them, with the decoder and the
    /// frames' fragments found once for the whole Pixel Data (for callers that need all frames).
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> EnumerateFrameBytes(DicomDataset dataset)
    {
        var info = GetInfo(dataset);
        if (info.BitsAllocated % 8 != 0)
            throw new NotSupportedException($"Bits Allocated {info.BitsAllocated} is not byte aligned.");
        if (dataset.GetItem(DicomTags.PixelData) is not DicomFragmentSequence fragments)
        {
            for (var frame = 0; frame < info.NumberOfFrames; frame++) yield return GetFrameBytes(dataset, frame);
            yield break;
        }
        var decoder = DecoderFor(dataset, fragments);
        foreach (var compressed in Codecs.EncapsulatedFrames.Frames(dataset, fragments, info.NumberOfFrames))
        {
            yield return Decode(decoder, compressed, info);
        }
    }

    private static byte[] Decode(DicomDataset dataset, DicomFragmentSequence fragments, DicomPixelInfo info, int frameIndex) =>
        Decode(DecoderFor(dataset, fragments), Codecs.EncapsulatedFrames.Frame(dataset, fragments, frameIndex, info.NumberOfFrames), info);

    private static byte[] Decode(Codecs.IFrameDecoder decoder, byte[] compressed, DicomPixelInfo info)
    {
        var native = new byte[info.FrameLength];
        decoder.Decode(compressed, info, native);
        return native;
    }

    private static Codecs.IFrameDecoder DecoderFor(DicomDataset dataset, DicomFragmentSequence fragments) =>
        WhyNotReadable(dataset) is { } reason ? throw new NotSupportedException($"Pixel Data is encapsulated: {reason}.")
        : Codecs.FrameDecoders.TryGet(fragments.TransferSyntaxUid!, out var decoder) ? decoder
        : throw new InvalidOperationException($"no decoder for {fragments.TransferSyntaxUid} although it is decodable");

    /// <summary>One frame of a monochrome 8/16/32-bit image as raw stored values.</summary>
    public static float[] GetFrame(DicomDataset dataset, int frameIndex)
    {
        var info = GetInfo(dataset);
        var values = new float[info.Rows * info.Columns * info.SamplesPerPixel];
        CopyFrame(dataset, frameIndex, values);
        return values;
    }

    /// <summary>Allocation-free variant of <see cref="GetFrame"/> into a caller-owned buffer.</summary>
    public static void CopyFrame(DicomDataset dataset, int frameIndex, Span<float> destination)
    {
        var info = GetInfo(dataset);
        var bytes = GetFrameBytes(dataset, frameIndex).Span;
        var count = info.Rows * info.Columns * info.SamplesPerPixel;
        if (destination.Length < count) throw new ArgumentException($"Destination needs {count} values.", nameof(destination));
        var shift = info.BitsAllocated - info.BitsStored;
        switch (info.BitsAllocated)
        {
            case 8:
                for (var i = 0; i < count; i++) destination[i] = Normalize(bytes[i], 8, shift, info.IsSigned);
                break;
            case 16 when shift == 0:
                // Common case: full 16 bits stored, reinterpret without per-pixel masking.
                if (info.IsSigned) Convert(MemoryMarshal.Cast<byte, short>(bytes), destination);
                else Convert(MemoryMarshal.Cast<byte, ushort>(bytes), destination);
                break;
            case 16:
                for (var i = 0; i < count; i++)
                    destination[i] = Normalize(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]), 16, shift, info.IsSigned);
                break;
            case 32:
                for (var i = 0; i < count; i++)
                {
                    var raw = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
                    destination[i] = info.IsSigned ? (int)(raw << shift) >> shift : (raw << shift) >> shift;
                }
                break;
            default:
                throw new NotSupportedException($"Bits Allocated {info.BitsAllocated} is not supported.");
        }
    }

    /// <summary>Stores 16-bit unsigned pixels (Bits Stored 16, Pixel Representation 0).</summary>
    public static void SetPixelData(DicomDataset dataset, int rows, int columns, ReadOnlySpan<ushort> pixels, int frames = 1) =>
        Set(dataset, rows, columns, MemoryMarshal.AsBytes(pixels), frames, signed: false, pixels.Length);

    /// <summary>Stores 16-bit signed pixels (Bits Stored 16, Pixel Representation 1).</summary>
    public static void SetPixelData(DicomDataset dataset, int rows, int columns, ReadOnlySpan<short> pixels, int frames = 1) =>
        Set(dataset, rows, columns, MemoryMarshal.AsBytes(pixels), frames, signed: true, pixels.Length);

    private static void Set(DicomDataset dataset, int rows, int columns, ReadOnlySpan<byte> bytes, int frames, bool signed, int count)
    {
        if ((long)rows * columns * frames != count)
            throw new ArgumentException($"{count} pixels do not match {rows}x{columns}x{frames}.");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Pixel writing assumes a little-endian CPU.");
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, 1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, DicomVR.US, rows)
            .AddOrUpdate(DicomTags.Columns, DicomVR.US, columns)
            .AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, 16)
            .AddOrUpdate(DicomTags.BitsStored, DicomVR.US, 16)
            .AddOrUpdate(DicomTags.HighBit, DicomVR.US, 15)
            .AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, signed ? 1 : 0)
            .AddOrUpdate(new DicomElement(DicomTags.PixelData, DicomVR.OW, bytes.ToArray()));
        if (frames > 1) dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames);
    }

    private static float Normalize(uint raw, int bits, int shift, bool signed)
    {
        var stored = bits - shift;
        var mask = (1u << stored) - 1;
        var value = raw & mask;
        if (signed && (value & (1u << (stored - 1))) != 0) return (int)value - (int)(1u << stored);
        return value;
    }

    private static void Convert(ReadOnlySpan<short> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    private static void Convert(ReadOnlySpan<ushort> source, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    private static int Require(DicomDataset dataset, DicomTag tag) =>
        dataset.TryGetInt(tag, out var value) ? value
            : throw new DicomFormatException($"Image Pixel module attribute {tag} is missing or not an integer.");
}
