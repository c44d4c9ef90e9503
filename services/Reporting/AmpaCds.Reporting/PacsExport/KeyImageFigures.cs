using AmpaCds.Reporting.Figures;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>Which report figure each key image kind carries, and the title its series is described by.</summary>
public static class KeyImageFigures
{
    /// <summary>The figures sent as Secondary Capture, in the order they are built.</summary>
    public static IReadOnlyList<(ReportFigure Figure, PacsObjectKind Kind)> All { get; } =
    [
        (ReportFigure.SuvrSlices, PacsObjectKind.SuvrSlicesCapture),
        (ReportFigure.ZSlices, PacsObjectKind.ZSlicesCapture),
        (ReportFigure.ZOverview, PacsObjectKind.ZOverviewCapture),
    ];

    public static bool IsKeyImage(PacsObjectKind kind) => All.Any(entry => entry.Kind == kind);

    /// <summary>Names the figure (at most 44 characters, leaving room for the version suffix in an LO).</summary>
    public static string Title(PacsObjectKind kind) => kind switch
    {
        PacsObjectKind.SuvrSlicesCapture => "AmpaCds SUVR slices, atlas outlines",
        PacsObjectKind.ZSlicesCapture => "AmpaCds z-map slices, atlas outlines",
        PacsObjectKind.ZOverviewCapture => "AmpaCds z-map axial overview, outlines",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a key image kind."),
    };
}
