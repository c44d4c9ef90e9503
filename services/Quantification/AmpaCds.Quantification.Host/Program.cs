using AmpaCds.Security.Access;
using AmpaCds.Quantification;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Services.AddServiceDefaults(builder.Configuration);
builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
builder.Services.AddQuantificationServices(builder.Configuration);
builder.Services.AddAmpaCdsBus(builder.Configuration, QuantificationServiceCollectionExtensions.AddQuantificationConsumers);

var app = builder.Build();
app.UseAmpaCdsAuthentication();
app.MapDefaultEndpoints();
app.Run();
