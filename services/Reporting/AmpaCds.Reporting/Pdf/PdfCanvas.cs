using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AmpaCds.Reporting.Pdf;

/// <summary>
/// A flowing A4 document: a cursor that moves down the page and starts a new page when the next block does not fit.
/// Blocks are measured before they are drawn, so nothing is cut across a page boundary. Header and footer are drawn
/// at the end, when the page count is known.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double Margin = 50;
    private const double TopMargin = 72;
    private const double BottomMargin = 64;
    private const double LineGap = 1.35;

    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;

    public PdfCanvas(string title)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "AmpaCds";
        NewPage();
    }

    public XGraphics Graphics => _graphics!;

    public double Y { get; set; }

    public double Left => Margin;

    public double Width => Page.Width.Point - 2 * Margin;

    public double Bottom => Page.Height.Point - BottomMargin;

    public double UsableHeight => Bottom - TopMargin;

    private PdfPage Page => _document.Pages[_document.PageCount - 1];

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = TopMargin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom && Y > TopMargin)
        {
            NewPage();
        }
    }

    public static double LineHeight(XFont font) => font.Size * LineGap;

    public void Heading(string text, double size = 13)
    {
        var font = PdfFonts.Bold(size);
        // Keep a heading with at least a few lines of what follows it.
        EnsureSpace(LineHeight(font) + 60);
        Y += size * 0.6;
        Graphics.DrawString(PdfGlyphs.Printable(text), font, XBrushes.Black, new XRect(Left, Y, Width, LineHeight(font)), XStringFormats.TopLeft);
        Y += LineHeight(font) + 2;
    }

    /// <summary>Wrapped text; with a background colour it is drawn as a boxed note (warnings, the unreliable-input banner).</summary>
    public void Paragraph(string text, XFont font, XColor? background = null, XColor? border = null)
    {
        var padding = background is null ? 0 : 5;
        var lines = TextWrap.Lines(Graphics, text, font, Width - 2 * padding);
        var height = lines.Count * LineHeight(font) + 2 * padding;
        EnsureSpace(height + 4);
        if (background is { } fill)
        {
            var pen = new XPen(border ?? fill, 0.8);
            Graphics.DrawRectangle(pen, new XSolidBrush(fill), Left, Y, Width, height);
        }
        var y = Y + padding;
        foreach (var line in lines)
        {
            Graphics.DrawString(line, font, XBrushes.Black, new XRect(Left + padding, y, Width - 2 * padding, LineHeight(font)), XStringFormats.TopLeft);
            y += LineHeight(font);
        }
        Y += height + 6;
    }

    /// <summary>A PNG figure scaled to the text width (or the page height), with its caption; kept on one page.</summary>
    public void Figure(byte[] png, string caption)
    {
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        var captionFont = PdfFonts.Regular(8.5);
        var captionLines = TextWrap.Lines(Graphics, caption, captionFont, Width);
        var captionHeight = captionLines.Count * LineHeight(captionFont);
        var width = Math.Min(Width, image.PointWidth);
        var height = width * image.PixelHeight / Math.Max(1, image.PixelWidth);
        var maxHeight = UsableHeight - captionHeight - 12;
        if (height > maxHeight)
        {
            width *= maxHeight / height;
            height = maxHeight;
        }
        EnsureSpace(height + captionHeight + 10);
        Graphics.DrawImage(image, Left + (Width - width) / 2, Y, width, height);
        Y += height + 3;
        foreach (var line in captionLines)
        {
            Graphics.DrawString(line, captionFont, XBrushes.DimGray, new XRect(Left, Y, Width, LineHeight(captionFont)), XStringFormats.TopCenter);
            Y += LineHeight(captionFont);
        }
        Y += 8;
    }

    /// <summary>Closes the drawing, lets <paramref name="decorate"/> draw each page's header and footer (page n of m), and saves.</summary>
    public byte[] Finish(Action<XGraphics, PdfPage, int, int> decorate)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var index = 0; index < count; index++)
        {
            var page = _document.Pages[index];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            decorate(graphics, page, index + 1, count);
        }
        using var output = new MemoryStream();
        _document.Save(output, false);
        return output.ToArray();
    }

    public int PageCount => _document.PageCount;

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
