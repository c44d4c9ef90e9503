using AmpaCds.Security.Access;
using AmpaCds.Reporting;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Transport;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(HostArguments.WithDefaults(args));
builder.Configuration.AddLocalIssuerUsersFile();
builder.Services.AddServiceDefaults(builder.Configuration);
builder.Services.AddAmpaCdsAuthentication(builder.Configuration);
// TLS on every endpoint (or, only in Development on loopback, plain HTTP): docs/SECURITY.md, "Transport".
builder.Services.AddAmpaCdsTransport(builder.Configuration);
builder.Services.AddReportingServices(builder.Configuration);
builder.Services.AddAmpaCdsBus(builder.Configuration, ReportingServiceCollectionExtensions.AddReportingConsumers);
builder.Services.AddLocalIssuer(builder.Configuration, builder.Environment);
// People sign in to the portal through AmpaCds:Auth:Authority (this gateway's issuer or the hospital's provider).
builder.Services.AddPortalAuthentication(builder.Configuration);
builder.Services.AddGrpc();

var app = builder.Build();
app.UseAmpaCdsAuthentication();
app.MapDefaultEndpoints();
app.MapReportingApi();
app.MapLocalIssuer(builder.Configuration);
app.MapPortalAuthentication();
app.MapReportingPortal();
app.Run();
