using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>Placeholder until the key images land: the PDF and the SR of a report version.</summary>
public sealed class PacsObjectBuilder(IReportFigures figures)
{
    public async Task<IReadOnlyList<PacsObject>> BuildAsync(StudyRecord record, IReadOnlyList<SourceImage> petImages, UiLanguage language,
        DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var pdf = await Pdf.ReportPdfWriter.RenderAsync(record, language, figures, createdAt, cancellationToken);
        return [PacsObject.Of(PacsObjectKind.EncapsulatedPdf, ReportObjects.EncapsulatedPdf(record, pdf, createdAt)),
            PacsObject.Of(PacsObjectKind.MeasurementReport, ReportObjects.MeasurementReport(record, petImages, createdAt))];
    }
}
