using AmpaCds.Security.Access;
using AmpaCds.Intake;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Security.Transport;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Services.AddServiceDefaults(builder.Configuration);
builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
// TLS on every endpoint (or, only in Development on loopback, plain HTTP): docs/SECURITY.md, "Transport".
builder.Services.AddAmpaCdsTransport(builder.Configuration);
builder.Services.AddIntakeServices(builder.Configuration);
// Intake only publishes: it registers no consumers.
builder.Services.AddAmpaCdsBus(builder.Configuration);

var app = builder.Build();
app.UseAmpaCdsAuthentication();
app.MapDefaultEndpoints();
app.MapIntakeDicomWeb();
app.Run();
