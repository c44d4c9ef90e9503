namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// IPAGothic follows JIS X 0208, which has ≦ and ≧ but not ≤ and ≥ (U+2264/2265): those would print as empty boxes.
/// The PDF swaps them for the JIS forms, which read the same; the catalogs keep the standard signs for HTML.
/// </summary>
internal static class PdfGlyphs
{
    public static string Printable(string text) => text.Replace('≥', '≧').Replace('≤', '≦');
}
