using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The stand-in until the rendered figures are registered: every figure is "not available", so reports are complete
/// in text and simply leave the images out. Registered with TryAdd, so the real implementation replaces it.
/// </summary>
public sealed class NoReportFigures : IReportFigures
{
    public Task<byte[]?> GetPngAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken) =>
        Task.FromResult<byte[]?>(null);
}
