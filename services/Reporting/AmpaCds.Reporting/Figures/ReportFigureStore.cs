using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// <see cref="IReportFigures"/>: a figure is rendered on its first request and kept in the gateway's blob store under
/// <see cref="FigureKeys"/>, so the portal, the HTML export and the PDF of one report version show the same bytes and
/// later requests cost one read. Figures that do not apply (null) are not stored; answering null again is cheap.
/// A study not yet reported has no version to key by, so its figures are rendered each time and not kept.
/// </summary>
public sealed class ReportFigureStore(ReportFigureRenderer renderer, FigureRenderCoordinator coordinator, IBlobStore blobs) : IReportFigures
{
    public Task<byte[]?> GetPngAsync(StudyRecord study, ReportFigure figure, UiLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.ReportVersion is not { } version)
        {
            return renderer.RenderAsync(study, figure, language, cancellationToken);
        }

        var key = FigureKeys.For(study.StudyInstanceUid, version, figure, language);

        // The shared work runs without a caller's token: another request may be waiting for the same render.
        return coordinator.RunOnceAsync(key, () => LoadOrRenderAsync(key, study, figure, language), cancellationToken);
    }

    private async Task<byte[]?> LoadOrRenderAsync(string key, StudyRecord study, ReportFigure figure, UiLanguage language)
    {
        try
        {
            return await blobs.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not rendered yet (the file system store reports a missing folder as DirectoryNotFoundException).
        }

        var png = await renderer.RenderAsync(study, figure, language, CancellationToken.None).ConfigureAwait(false);
        if (png is not null)
        {
            await blobs.PutAsync(key, png, CancellationToken.None).ConfigureAwait(false);
        }

        return png;
    }
}
