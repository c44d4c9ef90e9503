using System.Buffers.Binary;
using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>
/// Native test images and their JPEG-LS encodings made by DCMTK (dcmcjpls), plus DCMTK's own decoding
/// (dcmdjpls) as the independent reference.
/// </summary>
internal static class JpegLsTestImages
{

    /// <summary>A native image: geometry plus little-endian pixel bytes exactly as stored.</summary>
    public sealed record Image(int Rows, int Columns, int BitsAllocated, int BitsStored, bool Signed, int Samples, byte[] Pixels)
    {
        public DicomPixelInfo Info => new(Rows, Columns, BitsAllocated, BitsStored, Signed, Samples, 1);
    }

    /// <summary>The compressed frame, what DCMTK decodes it to, and the transfer syntax DCMTK chose.</summary>
    public sealed record Encoded(byte[] Frame, byte[] DcmtkDecoded, string TransferSyntaxUid);

    public static Image Noise16(int rows, int columns, int seed = 1, int bitsStored = 16)
    {
        var random = new Random(seed);
        var values = new int[rows * columns];
        for (var i = 0; i < values.Length; i++) values[i] = random.Next(1 << bitsStored);
        // Extremes of the range at the corners.
        values[0] = 0;
        values[^1] = (1 << bitsStored) - 1;
        if (values.Length > 2) values[values.Length / 2] = (1 << bitsStored) - 1;
        return Unsigned16(rows, columns, bitsStored, values);
    }

    public static Image Unsigned16(int rows, int columns, int bitsStored, int[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)values[i]);
        return new Image(rows, columns, 16, bitsStored, false, 1, bytes);
    }

    public static Image Signed16(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[rows * columns * 2];
        for (var i = 0; i < rows * columns; i++)
        {
            // Mostly small values around zero (both signs) with a few full-range outliers.
            var value = random.Next(10) == 0 ? random.Next(short.MinValue, short.MaxValue + 1) : random.Next(-300, 300);
            if (i == 0) value = short.MinValue;
            if (i == 1) value = short.MaxValue;
            if (i == 2) value = -1;
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)value);
        }
        return new Image(rows, columns, 16, 16, true, 1, bytes);
    }

    public static Image Noise8(int rows, int columns, int seed = 1, int samples = 1)
    {
        var bytes = new byte[rows * columns * samples];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0;
        bytes[^1] = 255;
        return new Image(rows, columns, 8, 8, false, samples, bytes);
    }

    public static Image Constant(int rows, int columns, int bitsAllocated, int value)
    {
        if (bitsAllocated == 8)
        {
            var bytes = new byte[rows * columns];
            Array.Fill(bytes, (byte)value);
            return new Image(rows, columns, 8, 8, false, 1, bytes);
        }
        return Unsigned16(rows, columns, 16, Enumerable.Repeat(value, rows * columns).ToArray());
    }

    /// <summary>PET-like: a few smooth activity blobs on a zero background, plus a little noise inside the body.</summary>
    public static int[] PetLike(int rows, int columns, int maximum, int seed)
    {
        var random = new Random(seed);
        var values = new int[rows * columns];
        (double X, double Y, double Sigma, double Weight)[] blobs =
            [(0.5, 0.5, 0.3, 0.3), (0.35, 0.4, 0.06, 1.0), (0.65, 0.55, 0.08, 0.6), (0.5, 0.75, 0.04, 0.8)];
        for (var y = 0; y < rows; y++)
        for (var x = 0; x < columns; x++)
        {
            double u = (x + 0.5) / columns, v = (y + 0.5) / rows, sum = 0;
            foreach (var blob in blobs)
                sum += blob.Weight * Math.Exp(-((u - blob.X) * (u - blob.X) + (v - blob.Y) * (v - blob.Y)) / (2 * blob.Sigma * blob.Sigma));
            var body = (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5) < 0.16;
            var value = body ? sum / 1.3 * maximum + random.Next(-maximum / 200, maximum / 200 + 1) : 0;
            values[y * columns + x] = (int)Math.Clamp(value, 0, maximum);
        }
        return values;
    }

    public static Image PetLike16(int rows, int columns, int seed = 3) =>
        Unsigned16(rows, columns, 16, PetLike(rows, columns, 32000, seed));

    public static Image PetLike8(int rows, int columns, int seed = 3) =>
        new(rows, columns, 8, 8, false, 1, PetLike(rows, columns, 255, seed).Select(v => (byte)v).ToArray());

    public static DicomDataset Dataset(Image image)
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, image.Samples == 1 ? DicomUids.PetImageStorage : DicomUids.SecondaryCaptureImageStorage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUids.Generate())
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, image.Samples == 1 ? "PT" : "OT")
            .AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, image.Samples)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, image.Samples == 1 ? "MONOCHROME2" : "RGB")
            .AddOrUpdate(DicomTags.Rows, DicomVR.US, image.Rows)
            .AddOrUpdate(DicomTags.Columns, DicomVR.US, image.Columns)
            .AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, image.BitsAllocated)
            .AddOrUpdate(DicomTags.BitsStored, DicomVR.US, image.BitsStored)
            .AddOrUpdate(DicomTags.HighBit, DicomVR.US, image.BitsStored - 1)
            .AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, image.Signed ? 1 : 0)
            .AddOrUpdate(new DicomElement(DicomTags.PixelData, image.BitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, EvenLength(image.Pixels)));
        if (image.Samples > 1) ds.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, 0);
        return ds;
    }

    // Attribute values have even length (PS3.5 7.1.1); OB pixel data is padded with one zero byte.
    private static byte[] EvenLength(byte[] bytes) => bytes.Length % 2 == 0 ? bytes : [.. bytes, 0];

    /// <summary>Compresses with dcmcjpls (extra <paramref name="options"/>) and decompresses with dcmdjpls.</summary>
    public static Encoded Encode(Image image, params string[] options)
    {
        using var dir = new TempDirectory();
        var native = dir.File("native.dcm");
        var compressed = dir.File("compressed.dcm");
        var decompressed = dir.File("decompressed.dcm");
        DicomFile.Create(Dataset(image)).Save(native);
        var encode = ExternalTool.Run("dcmcjpls", [.. options, native, compressed]);
        Assert.True(encode.ExitCode == 0, encode.All);
        var file = DicomFile.Open(compressed);
        var fragments = Assert.IsType<DicomFragmentSequence>(file.Dataset.GetItem(DicomTags.PixelData));
        var frame = fragments.Fragments.SelectMany(f => f.ToArray()).ToArray();

        var decode = ExternalTool.Run("dcmdjpls", [compressed, decompressed]);
        Assert.True(decode.ExitCode == 0, decode.All);
        var reference = Assert.IsType<DicomElement>(DicomFile.Open(decompressed).Dataset.GetItem(DicomTags.PixelData));
        return new Encoded(frame, reference.Buffer.ToArray(), file.TransferSyntax.Uid);
    }

    public static byte[] Decode(byte[] frame, DicomPixelInfo info)
    {
        var destination = new byte[info.FrameLength];
        new JpegLsDecoder().Decode(frame, info, destination);
        return destination;
    }
}
