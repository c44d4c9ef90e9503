using AmpaCds.Security.Access;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Api;
using AmpaCds.Security.Transport;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Services.AddServiceDefaults(builder.Configuration);
builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
// TLS on every endpoint (or, only in Development on loopback, plain HTTP): docs/SECURITY.md, "Transport".
builder.Services.AddAmpaCdsTransport(builder.Configuration);
builder.Services.AddQuantificationServices(builder.Configuration);
builder.Services.AddAmpaCdsBus(builder.Configuration, QuantificationServiceCollectionExtensions.AddQuantificationConsumers);

var app = builder.Build();
app.UseAmpaCdsAuthentication();
app.MapDefaultEndpoints();
app.MapQuantificationApi();
app.Run();
