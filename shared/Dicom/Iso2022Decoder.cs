using System.Text;

namespace AmpaCds.Dicom;

/// <summary>
/// Decodes values that switch character sets with ISO 2022 escape sequences (PS3.5 6.1.2.5), as used by Japanese
/// PN values such as "Yamada^Tarou=ESC$B...ESC(B". Each run between escapes is decoded with its own encoding.
/// </summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;

    public static string Decode(ReadOnlySpan<byte> bytes, IReadOnlyList<string> terms)
    {
        var initial = DicomCharacterSet.ForSingleTerm(terms[0]);
        var builder = new StringBuilder(bytes.Length);
        var current = initial;
        var multiByte = false;
        var pos = 0;
        while (pos < bytes.Length)
        {
            var next = bytes[pos..].IndexOf(Esc);
            var end = next < 0 ? bytes.Length : pos + next;
            if (end > pos) builder.Append(DecodeRun(bytes[pos..end], current, multiByte));
            if (next < 0) break;
            pos = end + SwitchTo(bytes[end..], initial, ref current, ref multiByte);
        }
        return builder.ToString();
    }

    // Returns the escape sequence length and updates the active encoding for the following bytes.
    private static int SwitchTo(ReadOnlySpan<byte> esc, Encoding initial, ref Encoding current, ref bool multiByte)
    {
        if (esc.Length >= 3 && esc[1] == (byte)'$' && (esc[2] == (byte)'B' || esc[2] == (byte)'@'))
        {
            current = DicomCharacterSet.Iso2022Jp;
            multiByte = true;
            return 3;
        }
        if (esc.Length >= 4 && esc[1] == (byte)'$' && esc[2] == (byte)'(' && esc[3] == (byte)'D')
        {
            current = DicomCharacterSet.Iso2022Jp; // JIS X 0212 is not in .NET; decoding yields replacement chars
            multiByte = true;
            return 4;
        }
        if (esc.Length >= 3 && esc[1] == (byte)')' && esc[2] == (byte)'I')
        {
            current = JisX0201Encoding.Instance;
            multiByte = false;
            return 3;
        }
        if (esc.Length >= 3 && esc[1] == (byte)'(' && (esc[2] == (byte)'B' || esc[2] == (byte)'J'))
        {
            current = esc[2] == (byte)'J' ? JisX0201Encoding.Instance : initial;
            multiByte = false;
            return 3;
        }
        if (esc.Length >= 3 && esc[1] == (byte)'-' && esc[2] == (byte)'A')
        {
            current = Encoding.Latin1;
            multiByte = false;
            return 3;
        }
        // Unknown escape: skip the ESC byte only and keep decoding with the current set.
        return 1;
    }

    private static string DecodeRun(ReadOnlySpan<byte> run, Encoding encoding, bool multiByte)
    {
        if (!multiByte) return encoding.GetString(run);
        // The ISO-2022-JP decoder needs its own designation to interpret the two-byte run.
        Span<byte> framed = run.Length <= 1024 ? stackalloc byte[run.Length + 3] : new byte[run.Length + 3];
        framed[0] = Esc;
        framed[1] = (byte)'$';
        framed[2] = (byte)'B';
        run.CopyTo(framed[3..]);
        return encoding.GetString(framed);
    }
}
