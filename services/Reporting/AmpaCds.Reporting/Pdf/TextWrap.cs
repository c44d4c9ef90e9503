using PdfSharp.Drawing;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// Breaks text into lines that fit a width. Latin text breaks at spaces; Japanese has none, so a line that still does
/// not fit breaks between characters (allowed anywhere in Japanese typesetting, and the last resort for long UIDs).
/// </summary>
internal static class TextWrap
{
    private const string NoLineStart = "、。，．）」』】〕：；）,.;:)]%";

    public static IReadOnlyList<string> Lines(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in PdfGlyphs.Printable(text).Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            Wrap(graphics, paragraph, font, width, lines);
        }
        return lines;
    }

    private static void Wrap(XGraphics graphics, string text, XFont font, double width, List<string> lines)
    {
        var rest = text;
        while (graphics.MeasureString(rest, font).Width > width)
        {
            var fit = FittingLength(graphics, rest, font, width);
            var space = rest.LastIndexOf(' ', fit - 1, fit);
            // Break at a space only near the line's end; otherwise (Japanese) fill the line and break between characters.
            var cut = space > fit * 2 / 3 ? space : fit;
            // Closing punctuation never starts a line (kinsoku).
            while (cut > 1 && cut < rest.Length && NoLineStart.Contains(rest[cut]))
            {
                cut--;
            }
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        lines.Add(rest);
    }

    /// <summary>The longest prefix that fits (at least one character, so a too-narrow column still makes progress).</summary>
    private static int FittingLength(XGraphics graphics, string text, XFont font, double width)
    {
        int low = 1, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (graphics.MeasureString(text[..middle], font).Width <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }
}
