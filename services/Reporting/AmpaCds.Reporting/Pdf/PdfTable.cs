using PdfSharp.Drawing;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// A table that flows over pages: each row is measured first and moves whole to the next page when it does not fit,
/// and the header row is repeated at the top of every continuation page.
/// </summary>
internal static class PdfTable
{
    private const double Padding = 3;
    private static readonly XColor HeaderFill = XColor.FromArgb(232, 236, 242);
    private static readonly XColor Rule = XColor.FromArgb(160, 160, 160);

    public static void Draw(PdfCanvas canvas, IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, double fontSize = 9)
    {
        var font = PdfFonts.Regular(fontSize);
        var headerFont = PdfFonts.Bold(fontSize);
        var widths = Widths(canvas.Width, columns);
        var header = columns.Select(column => column.Header).ToList();
        var headerHeight = Height(canvas, header, headerFont, widths);
        var first = true;
        foreach (var row in rows)
        {
            var height = Height(canvas, row, font, widths);
            if (first || canvas.Y + height > canvas.Bottom)
            {
                // The header never stands alone at the foot of a page: it moves with the first row.
                canvas.EnsureSpace(headerHeight + height);
                DrawRow(canvas, header, headerFont, widths, columns, headerHeight, HeaderFill);
                first = false;
            }
            DrawRow(canvas, row, font, widths, columns, height, null);
        }
        canvas.Y += 8;
    }

    /// <summary>Label and value pairs as a two-column table without a header (the "facts" of a section).</summary>
    public static void Facts(PdfCanvas canvas, IEnumerable<(string Label, string Value)> facts, double fontSize = 9)
    {
        var font = PdfFonts.Regular(fontSize);
        var labelFont = PdfFonts.Bold(fontSize);
        PdfColumn[] columns = [new("", 0.36), new("", 0.64)];
        var widths = Widths(canvas.Width, columns);
        foreach (var (label, value) in facts)
        {
            var height = Math.Max(Height(canvas, [label], labelFont, widths[..1]), Height(canvas, [value], font, widths[1..]));
            canvas.EnsureSpace(height);
            var x = canvas.Left;
            DrawCell(canvas, label, labelFont, x, widths[0], height, false, HeaderFill);
            DrawCell(canvas, value, font, x + widths[0], widths[1], height, false, null);
            canvas.Y += height;
        }
        canvas.Y += 8;
    }

    private static double[] Widths(double total, IReadOnlyList<PdfColumn> columns)
    {
        var sum = columns.Sum(column => column.Weight);
        return columns.Select(column => total * column.Weight / sum).ToArray();
    }

    private static double Height(PdfCanvas canvas, IReadOnlyList<string> cells, XFont font, double[] widths)
    {
        var lines = cells.Select((cell, index) => TextWrap.Lines(canvas.Graphics, cell, font, widths[index] - 2 * Padding).Count).DefaultIfEmpty(1).Max();
        return lines * PdfCanvas.LineHeight(font) + 2 * Padding;
    }

    private static void DrawRow(PdfCanvas canvas, IReadOnlyList<string> cells, XFont font, double[] widths, IReadOnlyList<PdfColumn> columns,
        double height, XColor? fill)
    {
        var x = canvas.Left;
        for (var index = 0; index < widths.Length; index++)
        {
            DrawCell(canvas, index < cells.Count ? cells[index] : "", font, x, widths[index], height, columns[index].AlignRight, fill);
            x += widths[index];
        }
        canvas.Y += height;
    }

    private static void DrawCell(PdfCanvas canvas, string text, XFont font, double x, double width, double height, bool alignRight, XColor? fill)
    {
        var graphics = canvas.Graphics;
        var pen = new XPen(Rule, 0.5);
        if (fill is { } colour)
        {
            graphics.DrawRectangle(pen, new XSolidBrush(colour), x, canvas.Y, width, height);
        }
        else
        {
            graphics.DrawRectangle(pen, x, canvas.Y, width, height);
        }
        var y = canvas.Y + Padding;
        foreach (var line in TextWrap.Lines(graphics, text, font, width - 2 * Padding))
        {
            graphics.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, y, width - 2 * Padding, PdfCanvas.LineHeight(font)),
                alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
            y += PdfCanvas.LineHeight(font);
        }
    }
}
