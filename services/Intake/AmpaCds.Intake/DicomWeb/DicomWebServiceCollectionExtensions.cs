using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Intake.DicomWeb;

public static class DicomWebServiceCollectionExtensions
{
    /// <summary>STOW-RS and QIDO-RS parts; the endpoints are mapped by <see cref="DicomWebEndpoints.MapIntakeDicomWeb"/>.</summary>
    public static IServiceCollection AddIntakeDicomWeb(this IServiceCollection services)
    {
        services.AddSingleton<StowService>();
        services.AddSingleton<StoredInstanceIndex>();
        services.AddSingleton<QidoSearch>();
        services.AddSingleton<WadoRetrieve>();
        return services;
    }
}
