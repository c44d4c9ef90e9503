using System.Net;
using AmpaCds.Cli.Output;
using AmpaCds.Security.Access;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Cli.Connection;

/// <summary>
/// Where a command calls a service and as whom: the address, the bearer token sent with every call, and the
/// CA its certificate must chain to. A token only ever travels over TLS, or over plain HTTP to this machine.
/// </summary>
public sealed record ServiceConnection(string Address, string? Token, string? CaCertificatePath)
{
    public Uri Uri { get; } = Parse(Address);

    public GrpcChannel OpenChannel()
    {
        var options = new GrpcChannelOptions { HttpHandler = Handler() };
        if (Token is not null)
        {
            var token = Token;
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(Uri.Scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);
            // Plain HTTP carries the token only to this machine (the Development shape); never across a network.
            options.UnsafeUseInsecureChannelCallCredentials = IsLoopback(Uri);
            if (Uri.Scheme == "http" && !IsLoopback(Uri))
            {
                throw new CliFailure($"refusing to send a token over plain http to {Address}: use the service's https address", CliRunner.InputError);
            }
        }
        return GrpcChannel.ForAddress(Uri, options);
    }

    public HttpClient OpenHttpClient() => new(Handler()) { BaseAddress = Uri };

    private HttpMessageHandler Handler()
    {
        if (CaCertificatePath is null)
        {
            return new SocketsHttpHandler();
        }
        if (!File.Exists(CaCertificatePath))
        {
            throw new CliFailure($"--ca: no such file '{CaCertificatePath}'", CliRunner.InputError);
        }
        return PrivateCaTrust.Handler(CaCertificatePath);
    }

    private static Uri Parse(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliFailure($"--server must be an http(s) address such as https://127.0.0.1:5080, not '{address}'", CliRunner.InputError);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
