using Microsoft.Extensions.Hosting;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Builds the atlas, template and registration samples during start-up, before the service
/// reports ready, so the first study does not pay for them.
/// </summary>
public sealed class ReferenceWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(QuantificationReference));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
