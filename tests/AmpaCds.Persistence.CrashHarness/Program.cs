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
using var host = builder.Build();
await host.StartAsync();
Console.Out.WriteLine("READY");
Console.Out.Flush();
await host.WaitForShutdownAsync();
