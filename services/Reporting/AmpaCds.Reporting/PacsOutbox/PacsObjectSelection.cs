using AmpaCds.Reporting.PacsExport;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>The object groups a destination can ask for in its configuration.</summary>
public enum PacsObjectSelection
{
    /// <summary>The TID 1500 measurement report.</summary>
    StructuredReport,

    /// <summary>The report as Encapsulated PDF.</summary>
    Pdf,

    /// <summary>Secondary Capture images of the SUVR and z-map slices and the z-map overview.</summary>
    KeyImages,
}

public static class PacsObjectSelections
{
    public static IReadOnlyList<PacsObjectKind> Kinds(this PacsObjectSelection selection) => selection switch
    {
        PacsObjectSelection.StructuredReport => [PacsObjectKind.MeasurementReport],
        PacsObjectSelection.Pdf => [PacsObjectKind.EncapsulatedPdf],
        PacsObjectSelection.KeyImages => [PacsObjectKind.SuvrSlicesCapture, PacsObjectKind.ZSlicesCapture, PacsObjectKind.ZOverviewCapture],
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, "unknown object selection"),
    };
}
