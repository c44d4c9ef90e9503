using System.Text.Json;
using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Persistence.Messaging;
using AmpaCds.Prediction.Persistence;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Service;
using AmpaCds.Prediction.Tests.Support;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Prediction.Tests;

/// <summary>
/// A site switched to gtm: Quantification's pipeline measures a simulated study with GTM and scores it against the database
/// the service picks for gtm, and Prediction forecasts it with the shipped model it installs for gtm. The uncorrected
/// shipped model still refuses the same study, with the reason.
/// </summary>
public sealed class PartialVolumePipelineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ampacds-pvc-pipeline-");
    private PredictionDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PredictionDatabase.CreateAsync("Sqlite", _clock);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_gtm_study_gets_z_scores_and_a_forecast_from_the_shipped_gtm_database_and_model()
    {
        var measured = MeasureWithGtm(seed: 106);
        Assert.Equal("ampacds-synthetic-hc-gtm-1.0", measured.NormativeDatabase!.Version);
        Assert.Null(measured.NormativeDatabase.ZScoreIncompatibility);
        Assert.All(measured.Regions, region => Assert.NotNull(region.ZScore));
        // A healthy-looking simulated subject scored by the controls' own numbers: no region far outside them.
        Assert.All(measured.Regions, region => Assert.InRange(region.ZScore!.Value, -6, 6));

        using var gtm = Replica("gtm");
        Assert.Equal(ShippedVersion(ShippedDefaultModel.GtmFolderName), gtm.ActiveVersion);
        var issued = Assert.IsType<ResponseForecastIssued>(await HandleAsync(gtm, measured));
        Assert.Equal(ShippedVersion(ShippedDefaultModel.GtmFolderName), issued.ModelVersion);
        Assert.InRange(issued.ResponseProbability, 0, 1);
    }

    [Fact]
    public async Task A_gtm_study_is_refused_by_the_uncorrected_shipped_model_with_the_reason()
    {
        var measured = MeasureWithGtm(seed: 107);

        using var none = Replica("none");
        var uncorrected = ShippedVersion(ShippedDefaultModel.FolderName);
        Assert.Equal(uncorrected, none.ActiveVersion);
        var failed = Assert.IsType<PredictionFailed>(await HandleAsync(none, measured));
        Assert.Equal($"model {uncorrected} was built with partial-volume correction 'none', the study was measured with 'gtm'", failed.Reason);
    }

    private RegionalUptakeMeasured MeasureWithGtm(int seed)
    {
        var folder = Path.Combine(_root.FullName, $"study-{seed}");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed }, folder);
        var options = new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = "gtm" } };
        // What the service registers for an empty NormativeDatabase setting under PartialVolume:Method = gtm.
        var normative = ActiveNormativeDatabase.Load(null, PartialVolumeMethods.Parse(options.PartialVolume.Method));
        var series = PetSeriesLoader.Load(Directory.GetFiles(folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());
        var result = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options, normative).Quantify(series);
        return new RegionalUptakeMeasured(Guid.NewGuid(), truth.StudyInstanceUid, truth.SeriesInstanceUid, result.Regions, result.ReferenceRegion,
            result.ReferenceSuvMean, result.Registration, result.AtlasVersion, result.Suv.Factor, _clock.GetUtcNow(), result.Normative,
            PartialVolume: result.PartialVolume) { InputHash = $"hash-{seed}" };
    }

    /// <summary>A replica whose catalog got the shipped model the bootstrap installs for <paramref name="method"/>.</summary>
    private ActiveModel Replica(string method)
    {
        var active = new ActiveModel(new ModelRegistry(Path.Combine(_root.FullName, "models-" + method)),
            _database.Services.GetRequiredService<IModelCatalog>(), _clock, TimeSpan.Zero);
        ShippedDefaultModel.EnsureInstalledFor(active.Registry, active.Catalog, method);
        return active;
    }

    private async Task<object> HandleAsync(ActiveModel model, RegionalUptakeMeasured message)
    {
        var messageId = Guid.NewGuid();
        await _database.InScopeAsync(services =>
        {
            var handler = new ForecastHandler(model, services.GetRequiredService<MessageOutbox>(), _clock, Metrics, NullLogger<ForecastHandler>.Instance);
            return services.GetRequiredService<IdempotentEffectRunner<PredictionDbContext>>().RunOnceAsync(messageId, ForecastConsumer.ConsumerName,
                (db, cancellationToken) => handler.HandleAsync(db, message, new MessageLineage(message.CorrelationId, null, messageId), cancellationToken),
                CancellationToken.None);
        });
        var row = await _database.InScopeAsync(services => services.GetRequiredService<PredictionDbContext>().Outbox.AsNoTracking()
            .SingleAsync());
        var type = row.MessageType == MessageTypeRegistry.Contracts.NameFor(typeof(PredictionFailed)) ? typeof(PredictionFailed) : typeof(ResponseForecastIssued);
        return JsonSerializer.Deserialize(row.Body, type, OutboxJson.Options)!;
    }

    private static string? ShippedVersion(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, "model-card.json"))).RootElement.GetProperty("version").GetString();

    private static readonly Diagnostics.PredictionMetrics Metrics = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
