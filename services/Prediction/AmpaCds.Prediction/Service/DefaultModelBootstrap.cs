using AmpaCds.Prediction.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// At start-up, publishes model versions found only in the local model folder (from before the blob store held them)
/// and installs and activates the shipped default model for the configured partial-volume correction when the database
/// has no active model (or has the other shipped one active). Registered
/// after the database migrator (AddServiceDatabase runs first), so ModelVersions exists.
/// </summary>
public sealed class DefaultModelBootstrap(ActiveModel model, IOptions<PredictionOptions> options, ILogger<DefaultModelBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (model.Registry is BlobModelArtifacts blobs && blobs.PublishCachedVersions() is { Count: > 0 } published)
        {
            logger.LogInformation("Put model versions {Versions} from the local model folder into the blob store", published);
        }
        var before = model.Catalog.ReadActiveVersion();
        var version = ShippedDefaultModel.EnsureInstalledFor(model.Registry, model.Catalog, options.Value.PartialVolumeMethod);
        if (before is null)
        {
            logger.LogInformation("No model was active: installed and activated the shipped default model {Version}", version);
        }
        else if (before != version)
        {
            logger.LogInformation("Partial-volume correction {Method} configured: activated the shipped model {Version} in place of shipped model {Previous}",
                options.Value.PartialVolumeMethod, version, before);
        }
        else
        {
            logger.LogInformation("Serving model {Version}", version);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
