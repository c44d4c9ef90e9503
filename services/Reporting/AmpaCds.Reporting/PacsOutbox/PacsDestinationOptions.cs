namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>One PACS (or other DICOM store) that receives report objects over C-STORE.</summary>
public sealed class PacsDestinationOptions
{
    /// <summary>The destination's name in AmpaCds: delivery records and the portal use it. Keep it stable.</summary>
    public string Name { get; set; } = "";

    /// <summary>The destination's own (called) AE title.</summary>
    public string AeTitle { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 104;

    /// <summary>Which objects this destination receives; all three by default.</summary>
    public List<PacsObjectSelection> Objects { get; set; } = [];

    /// <summary>DICOM TLS to this destination; plain DICOM when not enabled.</summary>
    public PacsDestinationTlsOptions Tls { get; set; } = new();

    /// <summary>A disabled destination gets no new deliveries; ones already planned wait until it is enabled again.</summary>
    public bool Enabled { get; set; } = true;

    public IReadOnlyList<PacsObjectSelection> SelectedObjects =>
        Objects.Count == 0 ? [PacsObjectSelection.StructuredReport, PacsObjectSelection.Pdf, PacsObjectSelection.KeyImages] : Objects.Distinct().ToList();
}
