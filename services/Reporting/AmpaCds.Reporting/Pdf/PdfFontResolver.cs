using PdfSharp.Fonts;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// Resolves every family the report asks for to IPAGothic, a TrueType font that covers Latin and Japanese, so one font
/// serves both languages. PDFsharp's core build finds no system fonts on Linux by itself; without this resolver it
/// fails at the first text. Bold is simulated (IPAGothic has one weight).
/// </summary>
public sealed class PdfFontResolver(string fontFile) : IFontResolver
{
    public const string Family = "AmpaCds Sans";
    private const string FaceName = "IPAGothic";

    /// <summary>Where Debian's fonts-ipafont-gothic puts the font (and its alternatives link).</summary>
    public static IReadOnlyList<string> DefaultLocations { get; } =
    [
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    ];

    private readonly Lazy<byte[]> _bytes = new(() => Load(fontFile));

    public string FontFile => fontFile;

    public static PdfFontResolver FromDefaultLocations() =>
        new(DefaultLocations.FirstOrDefault(File.Exists) ?? DefaultLocations[0]);

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(FaceName, isBold, isItalic);

    public byte[] GetFont(string faceName) => _bytes.Value;

    private static byte[] Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The PDF report needs the IPAGothic font at {path}; install the Debian package fonts-ipafont-gothic (deploy/install-deps.sh does).", path);
        }
        return File.ReadAllBytes(path);
    }
}
