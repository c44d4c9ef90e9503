using AmpaCds.Reporting;
using AmpaCds.Security.Transport;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Services.AddServiceDefaults(builder.Configuration);
// TLS on every endpoint (or, only in Development on loopback, plain HTTP): docs/SECURITY.md, "Transport".
builder.Services.AddAmpaCdsTransport(builder.Configuration);
builder.Services.AddReportingServices(builder.Configuration);
builder.Services.AddAmpaCdsBus(builder.Configuration, ReportingServiceCollectionExtensions.AddReportingConsumers);
builder.Services.AddGrpc();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingApi();
app.Run();
