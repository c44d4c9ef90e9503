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
        // A missing or unreadable normative database stops start-up here, not at the first study.
        _ = services.GetService(typeof(Normative.ActiveNormativeDatabase));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
