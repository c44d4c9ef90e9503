using System.Buffers.Binary;
using System.IO.Hashing;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// The small hashed block at the start of a segment ("AMJS": its generation) and of the checkpoint
/// file ("AMJC": the position up to which every record is durable in its final file). A block that
/// fails its hash reads as absent, which recovery treats conservatively.
/// </summary>
/// <remarks>Layout: 0 hash (XxHash3 of bytes 8..32), 8 magic, 12 version, 14 reserved, 16 first value, 24 second value.</remarks>
internal static class JournalFileHeader
{
    public const int Size = 32;
    public const uint SegmentMagic = 0x534A4D41;    // "AMJS"
    public const uint CheckpointMagic = 0x434A4D41; // "AMJC"
    private const ushort Version = 1;

    public static void Write(Span<byte> block, uint magic, long first, long second)
    {
        block[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(block[8..], magic);
        BinaryPrimitives.WriteUInt16LittleEndian(block[12..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(block[16..], first);
        BinaryPrimitives.WriteInt64LittleEndian(block[24..], second);
        BinaryPrimitives.WriteUInt64LittleEndian(block, XxHash3.HashToUInt64(block[8..Size]));
    }

    public static bool TryRead(ReadOnlySpan<byte> block, uint magic, out long first, out long second)
    {
        first = second = 0;
        if (block.Length < Size
            || BinaryPrimitives.ReadUInt64LittleEndian(block) != XxHash3.HashToUInt64(block[8..Size])
            || BinaryPrimitives.ReadUInt32LittleEndian(block[8..]) != magic
            || BinaryPrimitives.ReadUInt16LittleEndian(block[12..]) != Version)
        {
            return false;
        }
        first = BinaryPrimitives.ReadInt64LittleEndian(block[16..]);
        second = BinaryPrimitives.ReadInt64LittleEndian(block[24..]);
        return true;
    }
}
