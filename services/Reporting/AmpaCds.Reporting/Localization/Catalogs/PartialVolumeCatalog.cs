namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts that say which partial-volume correction the regional values went through (report, PDF, SR).</summary>
internal static class PartialVolumeCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("pvc.label", "Partial-volume correction", "部分容積効果補正"),
        new("pvc.none", "None (regional values include the scanner's blur)", "なし（領域値はスキャナの分解能によるぼけを含む）"),
        new("pvc.gtm", "Geometric transfer matrix (GTM), {0} mm FWHM", "幾何学的伝達行列法（GTM）、FWHM {0} mm"),
        new("pvc.rbv", "Region-based voxel-wise (RBV), {0} mm FWHM", "領域ベースのボクセル単位補正（RBV）、FWHM {0} mm"),
    ];
}
