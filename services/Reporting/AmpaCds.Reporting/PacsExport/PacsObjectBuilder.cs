using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// Makes every object one report version becomes in the PACS: the PDF report as Encapsulated PDF, the measurement
/// report (TID 1500 SR), and the SUVR slices, z slices and z overview as Secondary Capture key images. Building only;
/// the delivery (outbox, C-STORE) sends what this returns.
/// </summary>
public sealed class PacsObjectBuilder(IReportFigures figures)
{
    /// <param name="petImages">Instances of the measured PET series, the SR's evidence.</param>
    /// <param name="language">Language of the PDF and of the figures' labels (the SR is coded and in English).</param>
    /// <param name="createdAt">When the report version was created; every object carries it, so a rebuild is the same.</param>
    public async Task<IReadOnlyList<PacsObject>> BuildAsync(StudyRecord record, IReadOnlyList<SourceImage> petImages, UiLanguage language,
        DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(petImages);
        var pdf = await ReportPdfWriter.RenderAsync(record, language, figures, createdAt, cancellationToken);
        var objects = new List<PacsObject>
        {
            PacsObject.From(PacsObjectKind.EncapsulatedPdf, ReportObjects.EncapsulatedPdf(record, pdf, createdAt)),
            PacsObject.From(PacsObjectKind.MeasurementReport, ReportObjects.MeasurementReport(record, petImages, createdAt)),
        };
        foreach (var (figure, kind) in KeyImageFigures.All)
        {
            // A figure that does not apply (no z-map, maps not available) is simply not sent; the PDF leaves it out alike.
            if (await figures.GetPngAsync(record, figure, language, cancellationToken) is { Length: > 0 } png)
                objects.Add(PacsObject.From(kind, ReportObjects.KeyImage(record, kind, png, createdAt)));
        }
        return objects;
    }
}
