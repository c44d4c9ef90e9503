using AmpaCds.Prediction.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>
/// At start-up, installs and activates the shipped default model when the database has no active model. Registered
/// after the database migrator (AddServiceDatabase runs first), so ModelVersions exists.
/// </summary>
public sealed class DefaultModelBootstrap(ActiveModel model, ILogger<DefaultModelBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hadModel = model.Catalog.ReadActiveVersion() is not null;
        var version = ShippedDefaultModel.EnsureInstalled(model.Registry, model.Catalog);
        logger.LogInformation(hadModel ? "Serving model {Version}" : "No model was active: installed and activated the shipped default model {Version}",
            version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
