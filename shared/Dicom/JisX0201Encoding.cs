using System.Text;

namespace AmpaCds.Dicom;

/// <summary>
/// JIS X 0201 (ISO_IR 13): ASCII-compatible low half, half-width katakana at 0xA1-0xDF. Not provided by .NET.
/// </summary>
internal sealed class JisX0201Encoding : Encoding
{
    public static readonly JisX0201Encoding Instance = new();

    private const int KatakanaFirstByte = 0xA1;
    private const int KatakanaLastByte = 0xDF;
    private const char KatakanaFirstChar = '\uFF61';

    public override int GetByteCount(char[] chars, int index, int count) => count;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        for (var i = 0; i < charCount; i++)
        {
            var c = chars[charIndex + i];
            var offset = c - KatakanaFirstChar;
            bytes[byteIndex + i] = c < 0x80 ? (byte)c
                : offset >= 0 && offset <= KatakanaLastByte - KatakanaFirstByte ? (byte)(KatakanaFirstByte + offset)
                : (byte)'?';
        }
        return charCount;
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        for (var i = 0; i < byteCount; i++)
        {
            var b = bytes[byteIndex + i];
            chars[charIndex + i] = b is >= KatakanaFirstByte and <= KatakanaLastByte
                ? (char)(KatakanaFirstChar + (b - KatakanaFirstByte))
                : (char)b;
        }
        return byteCount;
    }

    public override int GetMaxByteCount(int charCount) => charCount;

    public override int GetMaxCharCount(int byteCount) => byteCount;
}
