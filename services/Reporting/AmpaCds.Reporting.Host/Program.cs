using AmpaCds.Reporting;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Services.AddServiceDefaults(builder.Configuration);
builder.Services.AddReportingServices(builder.Configuration);
builder.Services.AddAmpaCdsBus(builder.Configuration, ReportingServiceCollectionExtensions.AddReportingConsumers);
builder.Services.AddGrpc();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingApi();
app.Run();
