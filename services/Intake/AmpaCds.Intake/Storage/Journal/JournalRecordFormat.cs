using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// One journal record: a 40-byte header, the blob key (UTF-8) and the instance bytes, padded to a
/// 4 KiB boundary so every synchronous write covers whole pages. The hash covers everything after
/// itself, so a torn write, stale bytes of an older generation or the zeros of a fresh segment are
/// all recognised as "no record here".
/// </summary>
/// <remarks>
/// Layout (little endian): 0 hash (XxHash3 of bytes 8..end of payload), 8 magic "AMJ1", 12 version,
/// 14 reserved, 16 generation, 24 sequence, 32 key length, 36 payload length, 40 key, payload, zeros.
/// </remarks>
internal static class JournalRecordFormat
{
    public const int Alignment = 4096;
    public const int HeaderSize = 40;
    public const int MaxKeyBytes = 1024;
    private const uint Magic = 0x314A4D41; // "AMJ1"
    private const ushort Version = 1;

    public static int EncodedLength(int keyBytes, int payloadBytes) => AlignUp(HeaderSize + keyBytes + payloadBytes);

    public static int AlignUp(long length) => checked((int)((length + Alignment - 1) / Alignment * Alignment));

    /// <summary>Writes the record into <paramref name="destination"/> (at least EncodedLength bytes) and returns its length.</summary>
    public static int Encode(Span<byte> destination, long generation, long sequence, string key, ReadOnlySpan<byte> payload)
    {
        var keyLength = Encoding.UTF8.GetByteCount(key);
        if (keyLength > MaxKeyBytes)
        {
            throw new ArgumentException($"journal keys are at most {MaxKeyBytes} bytes", nameof(key));
        }
        var length = EncodedLength(keyLength, payload.Length);
        var record = destination[..length];
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(record[12..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(record[14..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(record[16..], generation);
        BinaryPrimitives.WriteInt64LittleEndian(record[24..], sequence);
        BinaryPrimitives.WriteInt32LittleEndian(record[32..], keyLength);
        BinaryPrimitives.WriteInt32LittleEndian(record[36..], payload.Length);
        Encoding.UTF8.GetBytes(key, record.Slice(HeaderSize, keyLength));
        payload.CopyTo(record[(HeaderSize + keyLength)..]);
        record[(HeaderSize + keyLength + payload.Length)..].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(record, XxHash3.HashToUInt64(record[8..(HeaderSize + keyLength + payload.Length)]));
        return length;
    }

    /// <summary>
    /// Reads the header at the start of <paramref name="header"/>; false when it is not a record of
    /// <paramref name="generation"/> whose lengths fit in <paramref name="room"/> bytes.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, long generation, long room, out int keyLength, out int payloadLength)
    {
        keyLength = payloadLength = 0;
        if (header.Length < HeaderSize
            || BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != Magic
            || BinaryPrimitives.ReadUInt16LittleEndian(header[12..]) != Version
            || BinaryPrimitives.ReadInt64LittleEndian(header[16..]) != generation)
        {
            return false;
        }
        keyLength = BinaryPrimitives.ReadInt32LittleEndian(header[32..]);
        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(header[36..]);
        return keyLength is > 0 and <= MaxKeyBytes && payloadLength >= 0
            && EncodedLength(keyLength, payloadLength) <= room;
    }

    /// <summary>Checks the hash of a whole record read back and returns its key and payload.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> record, int keyLength, int payloadLength, out string key, out ReadOnlyMemory<byte> payload)
    {
        key = "";
        payload = default;
        var span = record.Span;
        var end = HeaderSize + keyLength + payloadLength;
        if (BinaryPrimitives.ReadUInt64LittleEndian(span) != XxHash3.HashToUInt64(span[8..end]))
        {
            return false;
        }
        key = Encoding.UTF8.GetString(span.Slice(HeaderSize, keyLength));
        payload = record[(HeaderSize + keyLength)..end];
        return true;
    }
}
