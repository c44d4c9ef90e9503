using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Per-AE access: peers' AE titles feed the listener's allow list; addresses are checked by <see cref="PeerAccessPolicy"/>.</summary>
    public static IServiceCollection AddIntakeAccess(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<IntakeOptions>, CallingAeTitlesFromPeers>();
        services.AddSingleton<IValidateOptions<IntakeOptions>, PeerOptionsValidation>();
        services.AddOptions<IntakeOptions>().ValidateOnStart();
        services.AddSingleton<PeerAccessPolicy>();
        return services;
    }
}
