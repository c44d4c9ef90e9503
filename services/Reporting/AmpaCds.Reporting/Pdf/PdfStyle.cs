using PdfSharp.Drawing;

namespace AmpaCds.Reporting.Pdf;

/// <summary>The report's colours and text sizes in one place.</summary>
internal static class PdfStyle
{
    public const double Body = 9.5;
    public const double Small = 8;

    public static readonly XColor BannerFill = XColor.FromArgb(253, 226, 226);
    public static readonly XColor BannerBorder = XColor.FromArgb(192, 40, 40);
    public static readonly XColor WarningFill = XColor.FromArgb(255, 243, 205);
    public static readonly XColor WarningBorder = XColor.FromArgb(224, 192, 96);
    public static readonly XColor NoteFill = XColor.FromArgb(236, 238, 250);
}
