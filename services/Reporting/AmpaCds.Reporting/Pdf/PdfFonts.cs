using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// The report's fonts. PDFsharp's font resolver is process-wide and may be set only once, before the first font is
/// made; <see cref="EnsureResolver"/> does that exactly once, whichever thread renders first.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<PdfFontResolver> Resolver = new(() =>
    {
        var resolver = PdfFontResolver.FromDefaultLocations();
        // Fail here, naming the file and package, rather than deep inside PDFsharp at the first string.
        resolver.GetFont(PdfFontResolver.Family);
        GlobalFontSettings.FontResolver ??= resolver;
        return resolver;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    // Unicode encoding with a subset of the glyphs: the PDF renders on machines without IPAGothic and stays small.
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public static void EnsureResolver() => _ = Resolver.Value;

    public static XFont Regular(double size) => new(PdfFontResolver.Family, size, XFontStyleEx.Regular, Embedded);

    public static XFont Bold(double size) => new(PdfFontResolver.Family, size, XFontStyleEx.Bold, Embedded);
}
