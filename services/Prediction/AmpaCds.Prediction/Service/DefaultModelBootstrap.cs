using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Service;

/// <summary>At start-up, trains and activates the default synthetic-cohort model when the registry has none.</summary>
public sealed class DefaultModelBootstrap(ActiveModel model, ILogger<DefaultModelBootstrap> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hadModel = model.Registry.ActiveVersion is not null;
        DefaultModelProvider.EnsureModel(model.Registry.RootDirectory).Dispose();
        using var lease = model.Acquire();
        var current = lease.Model;
        logger.LogInformation(hadModel ? "Serving model {Version}" : "No model was active: trained and activated {Version} on a synthetic cohort",
            current.Version);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
