using System.Globalization;
using AmpaCds.Reporting.Localization;
using SkiaSharp;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Text drawing with one paint per call, so callers never share mutable paint state. Characters the chosen typeface
/// lacks (IPAGothic has no "≤") are drawn with a typeface fontconfig finds for them, so no glyph becomes an empty box.
/// </summary>
public static class FigureText
{
    /// <summary>
    /// A catalog text with its placeholders filled using the invariant culture: figures show only numbers whose
    /// formatting is the same in English and Japanese, and the gateway runs with invariant globalization.
    /// </summary>
    public static string Format(string key, UiLanguage language, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, UiText.Get(key, language), arguments);

    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font, SKColor colour)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        if (font.ContainsGlyphs(text))
        {
            canvas.DrawText(text, x, baseline, align, font, paint);
            return;
        }

        var runs = Runs(text, font);
        try
        {
            var width = runs.Sum(run => run.Font.MeasureText(run.Text));
            var left = align switch
            {
                SKTextAlign.Center => x - width / 2,
                SKTextAlign.Right => x - width,
                _ => x,
            };
            foreach (var run in runs)
            {
                canvas.DrawText(run.Text, left, baseline, SKTextAlign.Left, run.Font, paint);
                left += run.Font.MeasureText(run.Text);
            }
        }
        finally
        {
            foreach (var run in runs.Where(run => !ReferenceEquals(run.Font, font)))
            {
                run.Font.Dispose();
            }
        }
    }

    /// <summary>Splits the text where the typeface changes: the given font where it has the glyph, a fallback elsewhere.</summary>
    private static List<(string Text, SKFont Font)> Runs(string text, SKFont font)
    {
        var runs = new List<(string Text, SKFont Font)>();
        var index = 0;
        while (index < text.Length)
        {
            var length = char.IsSurrogatePair(text, index) ? 2 : 1;
            var character = text.Substring(index, length);
            var runFont = font;
            if (!font.ContainsGlyphs(character) && SKFontManager.Default.MatchCharacter(char.ConvertToUtf32(text, index)) is { } fallback)
            {
                runFont = new SKFont(fallback, font.Size) { Subpixel = font.Subpixel, Edging = font.Edging };
            }

            if (runs.Count > 0 && ReferenceEquals(runs[^1].Font, font) && ReferenceEquals(runFont, font))
            {
                runs[^1] = (runs[^1].Text + character, font);
            }
            else
            {
                runs.Add((character, runFont));
            }

            index += length;
        }

        return runs;
    }
}
