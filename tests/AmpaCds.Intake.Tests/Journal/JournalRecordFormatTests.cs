using AmpaCds.Intake.Storage.Journal;

namespace AmpaCds.Intake.Tests.Journal;

public sealed class JournalRecordFormatTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31)).ToArray();

    [Fact]
    public void ARecordReadsBackWithItsKeyAndBytesAndIsPaddedToWholePages()
    {
        var buffer = new byte[JournalRecordFormat.EncodedLength(20, Payload.Length)];
        var length = JournalRecordFormat.Encode(buffer, generation: 7, sequence: 3, "studies/a/b/c.dcm", Payload);

        Assert.Equal(12_288, length); // 40 + 17 + 10 000 rounded up to 4 KiB pages
        Assert.True(JournalRecordFormat.TryReadHeader(buffer, 7, buffer.Length, out var keyLength, out var payloadLength));
        Assert.True(JournalRecordFormat.TryDecode(buffer, keyLength, payloadLength, out var key, out var payload));
        Assert.Equal("studies/a/b/c.dcm", key);
        Assert.Equal(Payload, payload.ToArray());
    }

    [Theory]
    [InlineData(0)]      // the hash itself
    [InlineData(20)]     // generation
    [InlineData(45)]     // key
    [InlineData(5_000)]  // payload
    public void AnyChangedByteMakesTheRecordUnreadable(int position)
    {
        var buffer = new byte[JournalRecordFormat.EncodedLength(17, Payload.Length)];
        JournalRecordFormat.Encode(buffer, 7, 3, "studies/a/b/c.dcm", Payload);
        buffer[position] ^= 0x40;

        var readable = JournalRecordFormat.TryReadHeader(buffer, 7, buffer.Length, out var keyLength, out var payloadLength)
            && JournalRecordFormat.TryDecode(buffer, keyLength, payloadLength, out _, out _);
        Assert.False(readable);
    }

    [Fact]
    public void ARecordOfAnotherGenerationOrLongerThanTheRoomLeftIsNotOne()
    {
        var buffer = new byte[JournalRecordFormat.EncodedLength(17, Payload.Length)];
        JournalRecordFormat.Encode(buffer, 7, 3, "studies/a/b/c.dcm", Payload);

        Assert.False(JournalRecordFormat.TryReadHeader(buffer, 6, buffer.Length, out _, out _));
        Assert.False(JournalRecordFormat.TryReadHeader(buffer, 7, buffer.Length - 4096, out _, out _));
        Assert.False(JournalRecordFormat.TryReadHeader(new byte[64], 0, 4096, out _, out _)); // zeros of a fresh segment
    }
}
