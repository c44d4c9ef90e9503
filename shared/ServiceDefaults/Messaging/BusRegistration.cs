using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// Registers MassTransit on the configured transport with the project's retry policy. Each
    /// service adds its consumers through <paramref name="addConsumers"/>; in embedded mode the
    /// callbacks of all four services are given to one bus.
    /// </summary>
    public static IServiceCollection AddAmpaCdsBus(
        this IServiceCollection services,
        IConfiguration configuration,
        params Action<IBusRegistrationConfigurator>[] addConsumers)
    {
        services.AddOptions<BusOptions>()
            .Bind(configuration.GetSection(BusOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidation>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit reports usage to its vendor over the internet by default; clinical
            // systems make no calls beyond their own network.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            foreach (var add in addConsumers)
            {
                add(bus);
            }

            // The transport is chosen from the configuration as registered; the values it uses come
            // from the validated options when the bus is built.
            if (UsesRabbitMq(configuration))
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var options = Options(context);
                    rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                    });
                    ConfigureEndpoints(context, rabbit, options);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => ConfigureEndpoints(context, memory, Options(context)));
            }
        });
        return services;
    }

    /// <summary>MassTransit needs the transport at registration, before options exist: only that key is read here.</summary>
    public static bool UsesRabbitMq(IConfiguration configuration) =>
        new BusOptions { Transport = configuration[$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"] ?? new BusOptions().Transport }.UsesRabbitMq;

    private static BusOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<BusOptions>>().Value;

    private static void ConfigureEndpoints<TEndpoint>(
        IBusRegistrationContext context,
        IBusFactoryConfigurator<TEndpoint> bus,
        BusOptions options)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        // Retries cover transient faults (a blob not yet visible, a broker hiccup); what still
        // fails is moved to the endpoint's _error queue by MassTransit, never dropped.
        var intervals = options.EffectiveRetryIntervalsMs.Select(ms => TimeSpan.FromMilliseconds(ms)).ToArray();
        bus.UseMessageRetry(retry => retry.Intervals(intervals));
        bus.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        // A region the PET field of view missed has no mean (NaN); it must travel, not poison the message.
        bus.ConfigureJsonSerializerOptions(json =>
        {
            json.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return json;
        });
        bus.ConfigureEndpoints(context);
    }
}
