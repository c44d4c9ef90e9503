using System.Buffers.Binary;
using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>A native frame with known values and the Image Pixel module that describes it.</summary>
internal sealed record CodecTestImage(string Name, int Rows, int Columns, int BitsAllocated, int BitsStored, bool Signed, int Samples, byte[] Pixels)
{

    public DicomPixelInfo Info => new(Rows, Columns, BitsAllocated, BitsStored, Signed, Samples, 1);

    /// <summary>A complete PET dataset (so DCMTK sees a realistic file) carrying these pixels.</summary>
    public DicomDataset ToDataset()
    {
        var dataset = TestDatasets.Pet()
            .AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, Samples)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, Samples == 3 ? "RGB" : "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, DicomVR.US, Rows)
            .AddOrUpdate(DicomTags.Columns, DicomVR.US, Columns)
            .AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, BitsAllocated)
            .AddOrUpdate(DicomTags.BitsStored, DicomVR.US, BitsStored)
            .AddOrUpdate(DicomTags.HighBit, DicomVR.US, BitsStored - 1)
            .AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, Signed ? 1 : 0)
            .AddOrUpdate(new DicomElement(DicomTags.PixelData, BitsAllocated == 8 ? DicomVR.OB : DicomVR.OW, Pixels));
        if (Samples == 3)
        {
            dataset.AddOrUpdate(DicomTags.PlanarConfiguration, DicomVR.US, 0);
        }
        return dataset;
    }

    public override string ToString() => Name;
}

/// <summary>One compressed frame as DCMTK wrote it.</summary>
internal sealed record CompressedFrame(byte[] Bytes, DicomPixelInfo Info, string TransferSyntaxUid, string Path);

/// <summary>Test images for the lossless codecs and the DCMTK round trip they are checked against.</summary>
internal static class CodecTestImages
{
    /// <summary>Names usable as theory data; <see cref="Get"/> builds the image.</summary>
    public const string U16FullRange = "u16-full-range";
    public const string S16 = "s16-signed";
    public const string U12 = "u12-in-16";
    public const string U8 = "u8";
    public const string Odd = "odd-127x33";
    public const string Constant = "constant";
    public const string Noise = "noise";
    public const string Pet = "pet-smooth";
    public const string Single = "1x1";
    public const string Rgb8 = "rgb8";
    public const string U32 = "u32";

    public static CodecTestImage Get(string name) => name switch
    {
        U16FullRange => Sixteen(name, 48, 64, FullRange(48 * 64)),
        S16 => Sixteen(name, 40, 56, SignedValues(40 * 56), signed: true),
        U12 => new(name, 45, 61, 16, 12, false, 1, Words(Smooth(45, 61, 4095, seed: 12, noise: 40, exactMax: true))),
        U8 => new(name, 37, 53, 8, 8, false, 1, Smooth(37, 53, 255, seed: 8, noise: 30, exactMax: true).Select(v => (byte)v).ToArray()),
        Odd => Sixteen(name, 33, 127, Smooth(33, 127, 20000, seed: 3, noise: 200, exactMax: false)),
        Constant => Sixteen(name, 64, 64, Enumerable.Repeat(1234, 64 * 64).ToArray()),
        Noise => Sixteen(name, 80, 96, Random(80 * 96, 65536, seed: 7)),
        Pet => Sixteen(name, 128, 128, Smooth(128, 128, 30000, seed: 5, noise: 25, exactMax: false)),
        Single => Sixteen(name, 1, 1, [40000]),
        Rgb8 => new(name, 37, 50, 8, 8, false, 3, Random(37 * 50 * 3, 256, seed: 9).Select(v => (byte)v).ToArray()),
        U32 => new(name, 21, 23, 32, 32, false, 1, Dwords(21 * 23, seed: 32)),
        _ => throw new ArgumentException($"Unknown test image {name}.", nameof(name)),
    };

    /// <summary>Saves the image, compresses it with a DCMTK tool and returns the single frame's fragments concatenated.</summary>
    public static CompressedFrame Compress(TempDirectory dir, CodecTestImage image, string tool, params string[] options)
    {
        var source = dir.File(image.Name + ".dcm");
        var compressed = dir.File(image.Name + "." + tool + ".dcm");
        DicomFile.Create(image.ToDataset()).Save(source);
        var run = ExternalTool.Run(tool, [.. options, source, compressed]);
        Assert.True(run.ExitCode == 0, $"{tool} {string.Join(' ', options)} failed: {run.All}");
        var file = DicomFile.Open(compressed);
        var fragments = Assert.IsType<DicomFragmentSequence>(file.Dataset.GetItem(DicomTags.PixelData));
        var bytes = fragments.Fragments.SelectMany(f => f.ToArray()).ToArray();
        return new CompressedFrame(bytes, DicomPixelData.GetInfo(file.Dataset), file.TransferSyntax.Uid, compressed);
    }

    /// <summary>What the DCMTK decompressor makes of a compressed file: the native frame bytes.</summary>
    public static byte[] DecompressWithDcmtk(TempDirectory dir, string tool, string compressedPath)
    {
        var native = dir.File(System.IO.Path.GetFileName(compressedPath) + ".native.dcm");
        var run = ExternalTool.Run(tool, [compressedPath, native]);
        Assert.True(run.ExitCode == 0, $"{tool} failed: {run.All}");
        return DicomPixelData.GetFrameBytes(DicomFile.Open(native).Dataset, 0).ToArray();
    }

    public static byte[] Decode(IFrameDecoder decoder, ReadOnlySpan<byte> frame, DicomPixelInfo info)
    {
        var destination = new byte[info.FrameLength];
        decoder.Decode(frame, info, destination);
        return destination;
    }

    /// <summary>
    /// Every truncation and <paramref name="mutations"/> seeded random corruptions of a valid stream must end in a
    /// <see cref="DicomFormatException"/> or a successful decode; bytes around the destination must stay untouched.
    /// Each decode is bounded by the stream and image size, so the loop itself shows there is no hang.
    /// </summary>
    public static (int Refused, int Decoded) Fuzz(IFrameDecoder decoder, byte[] stream, DicomPixelInfo info, int mutations, int seed)
    {
        const int Guard = 64;
        var buffer = new byte[info.FrameLength + 2 * Guard];
        var refused = 0;
        var decoded = 0;
        void Attempt(ReadOnlySpan<byte> input, string what)
        {
            buffer.AsSpan().Fill(0xA5);
            try
            {
                decoder.Decode(input, info, buffer.AsSpan(Guard, info.FrameLength));
                decoded++;
            }
            catch (DicomFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{what}: {e.GetType().Name} instead of DicomFormatException: {e}");
            }
            Assert.True(buffer.AsSpan(0, Guard).IndexOfAnyExcept((byte)0xA5) < 0, $"{what}: wrote before the destination");
            Assert.True(buffer.AsSpan(Guard + info.FrameLength).IndexOfAnyExcept((byte)0xA5) < 0, $"{what}: wrote after the destination");
        }

        for (var length = 0; length < stream.Length; length++)
        {
            Attempt(stream.AsSpan(0, length), $"truncated to {length} bytes");
        }
        var random = new Random(seed);
        var mutated = new byte[stream.Length];
        for (var i = 0; i < mutations; i++)
        {
            stream.CopyTo(mutated, 0);
            var changes = 1 + random.Next(4);
            for (var c = 0; c < changes; c++)
            {
                // Half the corruptions hit the first 128 bytes, where headers and tables live.
                var at = random.Next(2) == 0 ? random.Next(Math.Min(128, mutated.Length)) : random.Next(mutated.Length);
                mutated[at] = random.Next(4) switch
                {
                    0 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                    1 => 0xFF,
                    2 => 0x00,
                    _ => (byte)random.Next(256),
                };
            }
            Attempt(mutated, $"mutation {i} (seed {seed})");
        }
        return (refused, decoded);
    }

    private static CodecTestImage Sixteen(string name, int rows, int columns, int[] values, bool signed = false) =>
        new(name, rows, columns, 16, 16, signed, 1, Words(values));

    private static byte[] Words(int[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), unchecked((ushort)values[i]));
        }
        return bytes;
    }

    private static byte[] Dwords(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[count * 4];
        random.NextBytes(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), uint.MaxValue);
        return bytes;
    }

    private static int[] Random(int count, int limit, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(limit)).ToArray();
    }

    /// <summary>Noise over the whole range with the extremes and the jumps that need difference category 16.</summary>
    private static int[] FullRange(int count)
    {
        var values = Random(count, 65536, seed: 16);
        int[] extremes = [0, 65535, 0, 32768, 0, 65535, 65535, 32767, 0, 0, 65535, 65535];
        extremes.CopyTo(values, 0);
        extremes.CopyTo(values, count / 2);
        values[^1] = 65535;
        return values;
    }

    private static int[] SignedValues(int count)
    {
        var values = Random(count, 65536, seed: 17).Select(v => v - 32768).ToArray();
        int[] extremes = [-32768, 32767, -1, 0, 1, -32768, -32768, 32767, -2, -100];
        extremes.CopyTo(values, 0);
        return values;
    }

    /// <summary>PET-like: a few Gaussian uptake spots over a low background, plus a little noise.</summary>
    private static int[] Smooth(int rows, int columns, int max, int seed, int noise, bool exactMax)
    {
        var random = new Random(seed);
        var spots = Enumerable.Range(0, 4)
            .Select(_ => (X: random.NextDouble() * columns, Y: random.NextDouble() * rows, R: 2 + random.NextDouble() * columns / 4, A: random.NextDouble()))
            .ToArray();
        var values = new int[rows * columns];
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var level = 0.05 + spots.Sum(s => s.A * Math.Exp(-((x - s.X) * (x - s.X) + (y - s.Y) * (y - s.Y)) / (2 * s.R * s.R)));
                var value = (int)(Math.Min(level, 1) * (max - noise)) + random.Next(noise);
                values[y * columns + x] = Math.Clamp(value, 0, max);
            }
        }
        if (exactMax)
        {
            values[0] = 0;
            values[^1] = max;
        }
        return values;
    }
}
