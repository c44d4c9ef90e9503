using AmpaCds.Prediction.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>At start-up, installs and activates the shipped default model when the registry has no active model.</summary>
public sealed class DefaultModelBootstrap(ActiveModel model, ILogger<DefaultModelBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hadModel = model.Registry.ActiveVersion is not null;
        var version = ShippedDefaultModel.EnsureInstalled(model.Registry);
        logger.LogInformation(hadModel ? "Serving model {Version}" : "No model was active: installed and activated the shipped default model {Version}",
            version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
