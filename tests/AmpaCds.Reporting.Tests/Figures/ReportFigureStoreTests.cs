using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.ServiceDefaults.Storage;
using static AmpaCds.Reporting.Tests.Figures.FigureFixtures;

namespace AmpaCds.Reporting.Tests.Figures;

public sealed class ReportFigureStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-figures-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemBlobStore _blobs;

    public ReportFigureStoreTests() => _blobs = new FileSystemBlobStore(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ReportFigureStore Store(CountingMapSource source, FigureRenderCoordinator? coordinator = null) =>
        new(new ReportFigureRenderer(source, TemplateAtlas), coordinator ?? new FigureRenderCoordinator(), _blobs);

    [Fact]
    public async Task SecondRequestReturnsTheStoredBytesWithoutAskingForTheMapAgain()
    {
        var source = new CountingMapSource(Atlas);
        var study = Study("1.2.826.0.1.77");
        var first = await Store(source).GetPngAsync(study, ReportFigure.SuvrSlices, UiLanguage.English, default);
        Assert.Equal(1, source.Calls);

        // A new store (a later request scope) and a new coordinator: the blob store alone answers.
        var second = await Store(source).GetPngAsync(study, ReportFigure.SuvrSlices, UiLanguage.English, default);
        Assert.Equal(1, source.Calls);
        Assert.NotNull(first);
        Assert.Equal(first, second);

        const string key = "reporting/figures/1.2.826.0.1.77/v1/SuvrSlices.en.png";
        Assert.Equal(key, FigureKeys.For(study.StudyInstanceUid, 1, ReportFigure.SuvrSlices, UiLanguage.English));
        Assert.Equal(first, await _blobs.GetAsync(key));

        // Another language is another figure (its texts differ).
        var japanese = await Store(source).GetPngAsync(study, ReportFigure.SuvrSlices, UiLanguage.Japanese, default);
        Assert.Equal(2, source.Calls);
        Assert.NotEqual(first, japanese);
        Assert.True(_blobs.Exists("reporting/figures/1.2.826.0.1.77/v1/SuvrSlices.ja.png"));
    }

    [Fact]
    public async Task ConcurrentFirstRequestsRenderOnce()
    {
        var source = new CountingMapSource(Atlas);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Gate = gate.Task;
        var coordinator = new FigureRenderCoordinator();
        var study = Study("1.2.826.0.1.78");
        var requests = Enumerable.Range(0, 8)
            .Select(_ => Store(source, coordinator).GetPngAsync(study, ReportFigure.ZSlices, UiLanguage.English, default))
            .ToList();
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, source.Calls);
        Assert.All(results, png => Assert.Equal(results[0], png));
        Assert.Equal(["reporting/figures/1.2.826.0.1.78/v1/ZSlices.en.png"], _blobs.List("reporting/figures/1.2.826.0.1.78/"));
    }

    [Fact]
    public async Task ACancelledWaiterDoesNotCancelTheSharedRender()
    {
        var source = new CountingMapSource(Atlas);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Gate = gate.Task;
        var coordinator = new FigureRenderCoordinator();
        var study = Study("1.2.826.0.1.79");
        using var cancel = new CancellationTokenSource();
        var cancelled = Store(source, coordinator).GetPngAsync(study, ReportFigure.SuvrSlices, UiLanguage.English, cancel.Token);
        var patient = Store(source, coordinator).GetPngAsync(study, ReportFigure.SuvrSlices, UiLanguage.English, default);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();
        Assert.NotNull(await patient);
        Assert.True(_blobs.Exists("reporting/figures/1.2.826.0.1.79/v1/SuvrSlices.en.png"));
    }

    [Fact]
    public async Task NullFiguresAndUnreportedStudiesAreNotStored()
    {
        var source = new CountingMapSource(Atlas, withChange: false);
        var study = Study("1.2.826.0.1.80");
        Assert.Null(await Store(source).GetPngAsync(study, ReportFigure.ChangeSlices, UiLanguage.English, default));
        Assert.Null(await Store(source).GetPngAsync(study, ReportFigure.ChangeSlices, UiLanguage.English, default));
        Assert.Equal(2, source.Calls);

        var unreported = study with { ReportVersion = null };
        Assert.NotNull(await Store(source).GetPngAsync(unreported, ReportFigure.ZScoreChart, UiLanguage.English, default));
        Assert.Empty(_blobs.List("reporting/figures/"));
    }
}
