using AmpaCds.Prediction.Ensemble;
using AmpaCds.Prediction.Features;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.ML;

namespace AmpaCds.Prediction.Model;

/// <summary>
/// A trained response model: one ML.NET transformer that outputs the response probability and the expected
/// % MADRS change, plus its model card. Thread-safe; scoring reuses one prediction engine under a lock.
/// </summary>
public sealed class ResponseModel : IDisposable
{
    public const string ModelFileName = "model.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly PredictionEngine<ModelInput, ModelOutput> _engine;
    private readonly Lock _engineLock = new();
    private volatile bool _disposed;

    internal ResponseModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ModelCard card, PlausibleRanges ranges,
        ForecastEnsemble? ensemble = null)
    {
        Ensemble = ensemble;
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Card = card;
        Ranges = ranges;
        Layout = FeatureLayout.FromFeatureNames(card.FeatureNames);
        _engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(
            transformer, ignoreMissingColumns: true, inputSchemaDefinition: MlSchema.InputDefinition(Layout.Count));
    }

    public ModelCard Card { get; }
    public FeatureLayout Layout { get; }
    public PlausibleRanges Ranges { get; }
    public string Version => Card.Version;

    /// <summary>The calibrated, explainable form of a logistic-regression model; null for tree models and older versions.</summary>
    public ForecastEnsemble? Ensemble { get; }

    /// <summary>Scores one patient; throws <see cref="FeatureValidationException"/> for unusable input.</summary>
    public ResponseForecast Predict(IReadOnlyDictionary<string, double> suvrByRegion, PatientCovariates? covariates = null) =>
        Forecast(suvrByRegion, covariates).Forecast;

    /// <summary>
    /// The forecast with its 90% intervals and per-feature contributions (when the model has an ensemble); throws
    /// <see cref="FeatureValidationException"/> for unusable input.
    /// </summary>
    public DetailedForecast Forecast(IReadOnlyDictionary<string, double> suvrByRegion, PatientCovariates? covariates = null)
    {
        // A disposed ML.NET engine may still answer; refusing makes use after dispose (a lease bug) visible.
        ObjectDisposedException.ThrowIf(_disposed, this);
        var features = FeatureValidator.BuildFeatures(Layout, suvrByRegion, covariates, Ranges);
        if (Ensemble is not null)
        {
            return Ensemble.Forecast(features, Card.Version, Card.TrainedOnSyntheticData);
        }

        var input = new ModelInput { Features = features };
        ModelOutput output;
        lock (_engineLock)
        {
            output = _engine.Predict(input);
        }

        return new DetailedForecast(new ResponseForecast(output.ResponseProbability, output.Score, Card.Version, Card.TrainedOnSyntheticData),
            null, null, [], Card.CalibrationMethod);
    }

    /// <summary>Writes &lt;rootDirectory&gt;/&lt;version&gt;/model.zip and model-card.json; returns the version directory.</summary>
    public string Save(string rootDirectory)
    {
        var target = Path.Combine(rootDirectory, Card.Version);
        // Written beside the target and moved into place, so a reader never sees a half-written version.
        var staging = Path.Combine(rootDirectory, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        _ml.Model.Save(_transformer, _inputSchema, Path.Combine(staging, ModelFileName));
        DurableFile.FlushExisting(Path.Combine(staging, ModelFileName)); // ML.NET writes to a path without flushing
        ModelCardJson.Write(Card, staging);
        if (Ensemble is not null)
        {
            ModelCardJson.WriteEnsemble(Ensemble, staging);
        }

        if (Directory.Exists(target))
        {
            // Same version = same training data and options, so the existing copy is equivalent.
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staging, target);
        DurableFile.FlushFolder(rootDirectory); // the version's folder entry survives a crash
        return target;
    }

    /// <summary>Loads a model from its version directory (the one <see cref="Save"/> returned).</summary>
    public static ResponseModel Load(string versionDirectory, PlausibleRanges? ranges = null)
    {
        var card = ModelCardJson.Read(versionDirectory);
        var ml = new MLContext(card.Seed);
        var transformer = ml.Model.Load(Path.Combine(versionDirectory, ModelFileName), out var inputSchema);
        return new ResponseModel(ml, transformer, inputSchema, card, ranges ?? PlausibleRanges.Default, ModelCardJson.ReadEnsemble(versionDirectory));
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_engineLock)
        {
            _engine.Dispose(); // not while a forecast of the engine runs
        }
    }
}
