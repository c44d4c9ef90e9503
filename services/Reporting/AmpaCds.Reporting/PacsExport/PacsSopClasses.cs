namespace AmpaCds.Reporting.PacsExport;

/// <summary>SOP classes of the objects a report becomes.</summary>
public static class PacsSopClasses
{
    public const string EncapsulatedPdf = "1.2.840.10008.5.1.4.1.1.104.1";
    public const string ComprehensiveSr = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
}
