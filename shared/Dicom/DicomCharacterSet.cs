using System.Text;

namespace AmpaCds.Dicom;

/// <summary>
/// Maps Specific Character Set (0008,0005) to text encoders/decoders (PS3.5 6.1). Supported: default repertoire,
/// ISO_IR 100 (Latin-1), ISO_IR 192 (UTF-8), and Japanese ISO 2022 IR 6/87/13 with code extensions.
/// </summary>
public static class DicomCharacterSet
{
    private const int Iso2022JpCodePage = 50220;

    static DicomCharacterSet()
    {
        // ISO-2022-JP lives in the code-pages provider, which ships in the shared framework but is not registered by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>True when the terms need escape-sequence aware decoding (ISO 2022 code extensions).</summary>
    public static bool UsesCodeExtensions(IReadOnlyList<string> terms) =>
        terms.Count > 1 || (terms.Count == 1 && terms[0].StartsWith("ISO 2022", StringComparison.Ordinal));

    /// <summary>Decodes a text value according to the character set terms (empty list = default repertoire).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, IReadOnlyList<string> terms)
    {
        if (bytes.IsEmpty) return string.Empty;
        if (terms.Count == 0) return Encoding.Latin1.GetString(bytes); // ASCII; Latin-1 so odd bytes survive
        if (UsesCodeExtensions(terms)) return Iso2022Decoder.Decode(bytes, terms);
        return ForSingleTerm(terms[0]).GetString(bytes);
    }

    /// <summary>Encodes a text value; Japanese multi-byte text gets ISO 2022 escape sequences.</summary>
    public static byte[] Encode(string value, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return Encoding.ASCII.GetBytes(value);
        foreach (var term in terms)
        {
            if (term is "ISO 2022 IR 87" or "ISO 2022 IR 159")
                return Encoding.GetEncoding(Iso2022JpCodePage).GetBytes(value);
        }
        return ForSingleTerm(terms[UsesCodeExtensions(terms) && terms.Count > 1 ? 1 : 0]).GetBytes(value);
    }

    internal static Encoding ForSingleTerm(string term) => term switch
    {
        "" or "ISO_IR 6" or "ISO 2022 IR 6" => Encoding.Latin1,
        "ISO_IR 100" or "ISO 2022 IR 100" => Encoding.Latin1,
        "ISO_IR 192" => Encoding.UTF8,
        "ISO_IR 13" or "ISO 2022 IR 13" => JisX0201Encoding.Instance,
        "GB18030" or "GBK" => Encoding.GetEncoding(936),
        "ISO_IR 101" or "ISO 2022 IR 101" => Encoding.GetEncoding(28592),
        "ISO_IR 144" or "ISO 2022 IR 144" => Encoding.GetEncoding(28595),
        "ISO_IR 126" or "ISO 2022 IR 126" => Encoding.GetEncoding(28597),
        "ISO_IR 148" or "ISO 2022 IR 148" => Encoding.GetEncoding(28599),
        _ => Encoding.Latin1, // unknown term: keep bytes readable rather than failing the whole study
    };

    internal static Encoding Iso2022Jp => Encoding.GetEncoding(Iso2022JpCodePage);
}
