using AmpaCds.TestSupport.Security;
using AmpaCds.Cli.Connection;
using System.Net;
using System.Text.Json;
using AmpaCds.Cli.Commands;
using AmpaCds.Cli.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Cli.Tests;

/// <summary>`ampacds audit list` against an in-process gRPC server (h2c on loopback, a free port) with role-checked auth.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _server = "";

    private FakeAuditApiState State => _app.Services.GetRequiredService<FakeAuditApiState>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<FakeAuditApiState>();
        builder.Services.AddAuthentication(RolesInTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, RolesInTokenHandler>(RolesInTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGrpcService<FakeAuditApi>();
        await _app.StartAsync();
        _server = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private AuditCommand.ListArguments Arguments(string? token, bool json = false) =>
        new(new ServiceConnection(_server, token, null), "P-77", "dr.sato", "2026-12-01T00:00:00Z", 50, json);

    [Fact]
    public async Task An_auditor_gets_one_line_per_event_and_the_filters_reach_the_server()
    {
        var output = new StringWriter();

        var exit = await AuditCommand.ListAsync(Arguments("alice:auditor"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "2026-12-04T09:30:05.250Z\tReportViewed\tok\tdr.sato@192.0.2.10\treporting\tP-77\t1.2.840.99.7\t-",
                "2026-12-04T09:00:00.000Z\tAuthorizationRefused\tfailed(4)\tanonymous\tprediction\t-\t-\trole model-admin required",
            ],
            lines);
        var request = State.LastRequest!;
        Assert.Equal(("P-77", "dr.sato", "2026-12-01T00:00:00Z", 50), (request.PatientId, request.UserId, request.Since, request.Limit));
    }

    [Fact]
    public async Task Json_prints_the_events_with_their_xml()
    {
        var output = new StringWriter();

        Assert.Equal(0, await AuditCommand.ListAsync(Arguments("alice:auditor", json: true), output, CancellationToken.None));

        using var document = JsonDocument.Parse(output.ToString());
        var events = document.RootElement.GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal("ReportViewed", events[0].GetProperty("kind").GetString());
        Assert.Equal("<AuditMessage/>", events[0].GetProperty("xml").GetString());
        Assert.Equal(4, events[1].GetProperty("outcome").GetInt32());
    }

    [Fact]
    public async Task No_token_is_not_authenticated_with_exit_code_3()
    {
        var failure = await Assert.ThrowsAsync<CliFailure>(() => AuditCommand.ListAsync(Arguments(token: null), new StringWriter(), CancellationToken.None));

        Assert.Equal(("not authenticated", CliRunner.PeerError), (failure.Message, failure.ExitCode));
        Assert.Equal(3, CliRunner.PeerError);
    }

    [Fact]
    public async Task A_token_without_the_auditor_role_is_not_permitted_with_exit_code_3()
    {
        var failure = await Assert.ThrowsAsync<CliFailure>(() => AuditCommand.ListAsync(Arguments("bob:psychiatrist,ops"), new StringWriter(), CancellationToken.None));

        Assert.Equal(("not permitted", 3), (failure.Message, failure.ExitCode));
    }

    [Fact]
    public async Task The_whole_command_line_runs_and_returns_3_on_refusal()
    {
        // As Program.cs builds it: --token is the root's, recursive for every command.
        var root = new System.CommandLine.RootCommand { AuditCommand.Create() };
        root.Options.Add(ConnectionOptions.Token);

        var exit = await root.Parse(["audit", "list", "--server", _server, "--token", "bob:ops"]).InvokeAsync();

        Assert.Equal(3, exit);
    }
}
