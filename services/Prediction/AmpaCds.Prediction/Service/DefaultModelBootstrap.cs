using AmpaCds.Prediction.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// At start-up, publishes model versions found only in the local model folder (from before the blob store held them)
/// and installs and activates the shipped default model when the database has no active model. Registered
/// after the database migrator (AddServiceDatabase runs first), so ModelVersions exists.
/// </summary>
public sealed class DefaultModelBootstrap(ActiveModel model, ILogger<DefaultModelBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (model.Registry is BlobModelArtifacts blobs && blobs.PublishCachedVersions() is { Count: > 0 } published)
        {
            logger.LogInformation("Put model versions {Versions} from the local model folder into the blob store", published);
        }
        var hadModel = model.Catalog.ReadActiveVersion() is not null;
        var version = ShippedDefaultModel.EnsureInstalled(model.Registry, model.Catalog);
        logger.LogInformation(hadModel ? "Serving model {Version}" : "No model was active: installed and activated the shipped default model {Version}",
            version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
