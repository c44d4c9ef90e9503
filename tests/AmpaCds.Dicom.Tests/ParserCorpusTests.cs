using System.Buffers.Binary;

namespace AmpaCds.Dicom.Tests;

/// <summary>
/// Malformed-input corpus for the codec: each case must end in <see cref="DicomFormatException"/> quickly and without
/// allocating anything near the lengths it claims.
/// </summary>
public class ParserCorpusTests
{
    private const long AllocationBudget = 4 * 1024 * 1024; // per case: far below any claimed length

    public static TheoryData<string, byte[], bool, string> DatasetCorpus() => new()
    {
        { "explicit OB near 4 GB", Explicit(0x0009, 0x1001, "OB", 0xFFFF_FFF0, 16), true, "past the end" },
        { "explicit UT near 4 GB", Explicit(0x0010, 0x4000, "UT", 0xFFFF_FFF0, 16), true, "past the end" },
        { "implicit element near 4 GB", Implicit(0x0010, 0x0010, 0xFFFF_FFF0, 16), false, "past the end" },
        { "implicit element 2 GB", Implicit(0x0010, 0x0010, 0x8000_0000, 16), false, "past the end" },
        { "length one past the end", Implicit(0x0010, 0x0010, 18, 16), false, "past the end" },
        { "odd length", Implicit(0x0010, 0x0010, 3, 4), false, "odd" },
        { "undefined length on a PN", Implicit(0x0010, 0x0010, 0xFFFF_FFFF, 8), false, "undefined length" },
        { "undefined length on explicit OB", Explicit(0x0009, 0x1001, "OB", 0xFFFF_FFFF, 8), true, "undefined length" },
        { "item length near 4 GB", [.. Implicit(0x0054, 0x0016, 0xFFFF_FFFF, 0), .. Item(0xFFFF_FFF0)], false, "past the end" },
        { "item tag replaced by garbage", [.. Implicit(0x0054, 0x0016, 0xFFFF_FFFF, 0), 0x10, 0x00, 0x10, 0x00, 0, 0, 0, 0], false, "item" },
        { "truncated tag", [0x10, 0x00, 0x10], false, "truncated" },
        { "truncated length", [0x10, 0x00, 0x10, 0x00, 0x02], false, "truncated" },
        { "endless undefined-length nesting", Nesting(100_000), false, "nesting deeper than 64" },
    };

    [Theory]
    [MemberData(nameof(DatasetCorpus))]
    public async Task Malformed_dataset_is_rejected_cleanly_quickly_and_without_big_allocations(string name, byte[] data, bool explicitVR, string reason)
    {
        var syntax = explicitVR ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
        var run = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Assert.Throws<DicomFormatException>(() => DicomDatasetReader.Read(data, syntax));
            return (error, allocated: GC.GetAllocatedBytesForCurrentThread() - before);
        });
        var (ex, allocated) = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(ex.Message.Contains(reason, StringComparison.OrdinalIgnoreCase), $"{name}: {ex.Message}");
        Assert.True(allocated < AllocationBudget + data.Length * 4L, $"{name}: allocated {allocated} bytes");
    }

    [Fact]
    public void File_meta_group_length_near_4_GB_is_rejected()
    {
        var bytes = DicomFile.Create(TestDatasets.Pet()).ToBytes();
        // (0002,0001) OB: its 4-byte length sits after tag(4) VR(2) reserved(2) of the second meta element.
        var metaStart = 132 + 12; // after (0002,0000) UL 4
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(metaStart + 8), 0xFFFF_FFF0);
        Assert.Contains("past the end", Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes)).Message);
    }

    [Fact]
    public void File_truncated_at_every_byte_of_its_header_region_is_rejected()
    {
        var bytes = DicomFile.Create(TestDatasets.Pet()).ToBytes();
        var pixelStart = bytes.Length - TestDatasets.Size * TestDatasets.Size * 2 - 12;
        for (var cut = 0; cut < pixelStart + 12; cut++)
        {
            try
            {
                var file = DicomFile.Open(bytes.AsMemory(0, cut));
                // A cut exactly between elements is a valid, shorter dataset; it must then lack the pixel data.
                Assert.False(file.Dataset.Contains(DicomTags.PixelData), $"cut at {cut} parsed with pixel data");
            }
            catch (DicomFormatException)
            {
            }
        }
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.1", 1)]
    [InlineData("1.2.840.10008.1.2", 2)]
    [InlineData("1.2.840.10008.1.2.1.99", 3)]
    public void Seeded_random_mutations_of_a_valid_file_are_read_or_rejected_cleanly(string syntax, int seed)
    {
        var valid = DicomFile.Create(TestDatasets.Pet(), syntax).ToBytes();
        var random = new Random(seed);
        var before = GC.GetAllocatedBytesForCurrentThread();
        const int mutations = 1500;
        for (var i = 0; i < mutations; i++)
        {
            var corrupt = (byte[])valid.Clone();
            var flips = 1 + random.Next(4);
            for (var k = 0; k < flips; k++)
            {
                // Bias towards the header region, where lengths and VRs live.
                var at = random.Next(2) == 0 ? random.Next(132, Math.Min(corrupt.Length, 700)) : random.Next(corrupt.Length);
                corrupt[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0x00, _ => (byte)random.Next(256) };
            }
            var length = random.Next(5) == 0 ? random.Next(corrupt.Length + 1) : corrupt.Length;
            try
            {
                var file = DicomFile.Open(corrupt.AsMemory(0, length));
                foreach (var element in file.Dataset) _ = element.Tag; // the parsed dataset is walkable
                file.ToBytes();
            }
            catch (DicomFormatException)
            {
            }
        }
        var perMutation = (GC.GetAllocatedBytesForCurrentThread() - before) / mutations;
        // 256 KB covers the inflater's window and buffers (Deflated); the rest scales with the file, never with claimed lengths.
        Assert.True(perMutation < 256 * 1024 + 50L * valid.Length, $"{perMutation} bytes allocated per mutation of a {valid.Length}-byte file");
    }

    private static byte[] Implicit(ushort group, ushort element, uint length, int valueBytes)
    {
        var data = new byte[8 + valueBytes];
        BinaryPrimitives.WriteUInt16LittleEndian(data, group);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), element);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), length);
        data.AsSpan(8).Fill((byte)'A');
        return data;
    }

    private static byte[] Explicit(ushort group, ushort element, string vr, uint length, int valueBytes)
    {
        var data = new byte[12 + valueBytes];
        BinaryPrimitives.WriteUInt16LittleEndian(data, group);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), element);
        data[4] = (byte)vr[0];
        data[5] = (byte)vr[1];
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8), length);
        return data;
    }

    private static byte[] Item(uint length)
    {
        var data = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(data, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), 0xE000);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), length);
        return data;
    }

    private static byte[] Nesting(int levels)
    {
        var level = new byte[] { 0x54, 0x00, 0x16, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF };
        var data = new byte[level.Length * levels];
        for (var i = 0; i < levels; i++) level.CopyTo(data, i * level.Length);
        return data;
    }
}
