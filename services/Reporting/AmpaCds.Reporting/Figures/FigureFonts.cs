using AmpaCds.Reporting.Localization;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Typefaces for figure text. Japanese needs IPAGothic (Debian's fonts-ipafont-gothic, installed by deploy/install-deps.sh):
/// a typeface without CJK glyphs draws empty boxes. English uses DejaVu Sans (fonts-dejavu-core). Both are looked up
/// through fontconfig first and then at their Debian paths.
/// </summary>
public static class FigureFonts
{
    public const string JapaneseFamily = "IPAGothic";

    public const string LatinFamily = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Japanese = new(() => Load(JapaneseFamily,
        "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));

    private static readonly Lazy<SKTypeface> Latin = new(() => Load(LatinFamily, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

    public static SKTypeface For(UiLanguage language) => language == UiLanguage.Japanese ? Japanese.Value : Latin.Value;

    public static SKFont Font(UiLanguage language, float size) => new(For(language), size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKTypeface Load(string family, params string[] paths)
    {
        var byName = SKTypeface.FromFamilyName(family);
        if (byName is not null && string.Equals(byName.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            return byName;
        }

        foreach (var path in paths)
        {
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } fromFile)
            {
                return fromFile;
            }
        }

        throw new InvalidOperationException(
            $"The figure font '{family}' is not installed (looked up by name and at {string.Join(", ", paths)}); run deploy/install-deps.sh.");
    }
}
