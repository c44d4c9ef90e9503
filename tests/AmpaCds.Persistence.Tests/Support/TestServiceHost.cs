using System.Text.Json.Serialization;
using AmpaCds.Persistence.Audit;
using AmpaCds.Persistence.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>
/// A host wired like a service: AddServiceDatabase before the bus, a real MassTransit bus (in-memory
/// transport) with the effect consumer and a recording downstream consumer.
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestServiceHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ReceivedMessages Received => Services.GetRequiredService<ReceivedMessages>();

    public EffectOutcomes Outcomes => Services.GetRequiredService<EffectOutcomes>();

    public PublishFailureSwitch PublishFailure => Services.GetRequiredService<PublishFailureSwitch>();

    public static async Task<TestServiceHost> StartAsync(DatabaseFixture database)
    {
        var host = Build(database);
        await host.StartAsync();
        return new TestServiceHost(host);
    }

    public static IHost Build(DatabaseFixture database, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(database.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Fast rounds so the tests wait little; the logic is the same as with the defaults.
            ["AmpaCds:Outbox:PollIntervalSeconds"] = "0.2",
            ["AmpaCds:Outbox:RetryDelaySeconds"] = "0.1",
            ["AmpaCds:Outbox:MaxRetryDelaySeconds"] = "0.5",
        });
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }
        builder.Services.AddLogging();
        builder.Services.AddServiceDatabase<TestServiceDbContext>(builder.Configuration, DatabaseFixture.ServiceName);
        builder.Services.AddAuditTrail<TestServiceDbContext>(DatabaseFixture.ServiceName);
        builder.Services.AddSingleton<ReceivedMessages>();
        builder.Services.AddSingleton<PublishFailureSwitch>();
        builder.Services.AddSingleton<EffectOutcomes>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            bus.AddConsumer<EffectConsumer>().Endpoint(endpoint => endpoint.Name = $"effect-{Guid.NewGuid():N}");
            bus.AddConsumer<RecordingConsumer>().Endpoint(endpoint => endpoint.Name = $"recording-{Guid.NewGuid():N}");
            bus.UsingInMemory((context, memory) =>
            {
                var failure = context.GetRequiredService<PublishFailureSwitch>();
                memory.ConfigurePublish(publish => publish.UseExecute(_ =>
                {
                    if (failure.Failing)
                    {
                        throw new InvalidOperationException("injected publish failure");
                    }
                }));
                // As BusRegistration does: NaN must travel.
                memory.ConfigureJsonSerializerOptions(json =>
                {
                    json.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
                    return json;
                });
                memory.ConfigureEndpoints(context);
            });
        });
        return builder.Build();
    }

    /// <summary>A fresh context in its own scope, for assertions.</summary>
    public async Task<T> QueryAsync<T>(Func<TestServiceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestServiceDbContext>());
    }

    /// <summary>RunOnceAsync in its own scope, as one message delivery would.</summary>
    public async Task<bool> RunOnceAsync(Guid messageId, Func<TestServiceDbContext, CancellationToken, Task> effect)
    {
        await using var scope = Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<IdempotentEffectRunner<TestServiceDbContext>>();
        return await runner.RunOnceAsync(messageId, "direct-consumer", effect, CancellationToken.None);
    }

    public Task<int> EffectCountAsync(Guid messageId) =>
        QueryAsync(db => db.Effects.CountAsync(row => row.MessageId == messageId));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
