using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AmpaCds.Reporting.Tests.Pdf;

/// <summary>
/// Minimal PNG writer and reader (8-bit RGB/RGBA, no interlace) so the tests need no imaging library: the writer
/// makes figure stand-ins, the reader checks the pages pdftoppm renders.
/// </summary>
public static class TestPng
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    /// <summary>A solid RGB image with a black frame, so a figure's colour can be found on the rendered page.</summary>
    public static byte[] Solid(int width, int height, (byte R, byte G, byte B) colour)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var edge = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
                raw.Write(edge ? [0, 0, 0] : [colour.R, colour.G, colour.B]);
            }
        }
        var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Decodes to (width, height, RGB triples row by row).</summary>
    public static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG");
        int width = 0, height = 0, channels = 3;
        var data = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var body = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                Assert.Equal(8, body[8]);
                channels = body[9] switch { 2 => 3, 6 => 4, 0 => 1, _ => throw new NotSupportedException($"PNG colour type {body[9]}") };
                Assert.Equal(0, body[12]);
            }
            else if (type == "IDAT")
            {
                data.Write(body);
            }
            offset += length + 12;
        }
        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        var bytes = inflated.ToArray();
        var stride = width * channels;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = bytes[y * (stride + 1) + 1 + x];
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                pixels[y * stride + x] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
        }
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                rgb[i * 3 + k] = pixels[i * channels + (channels == 1 ? 0 : k)];
            }
        }
        return (width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream output, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        output.Write(typed);
        var crc = typed.Aggregate(0xFFFFFFFFu, (current, value) => CrcTable[(current ^ value) & 0xFF] ^ (current >> 8)) ^ 0xFFFFFFFFu;
        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Write(crcBytes);
    }
}
