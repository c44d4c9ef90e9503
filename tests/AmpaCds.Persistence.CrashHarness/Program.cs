using AmpaCds.Persistence;
using AmpaCds.Persistence.CrashHarness;
using AmpaCds.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A consumer process for the crash test (tests/AmpaCds.Persistence.Tests): PostgreSQL through
// ConnectionStrings__crash-harness, RabbitMQ through AmpaCds__Bus__*, crash flag AMPACDS_CRASH_AFTER_COMMIT.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddServiceDatabase<CrashHarnessDbContext>(builder.Configuration, "crash-harness");
builder.Services.AddAmpaCdsBus(builder.Configuration, bus => bus.AddConsumer<CrashProbeConsumer>().Endpoint(endpoint => endpoint.Name = CrashProbeConsumer.Name));
// MassTransit's hosted service returns before the bus runs by default; READY must mean the queue is
// bound, or the test's message would reach an exchange with no queue and be dropped.
builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
using var host = builder.Build();
await host.StartAsync();
var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
if (health != BusHealthStatus.Healthy)
{
    Console.Error.WriteLine($"bus not healthy: {health}");
    return 1;
}
Console.Out.WriteLine("READY");
Console.Out.Flush();
await host.WaitForShutdownAsync();
return 0;
