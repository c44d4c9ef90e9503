using System.Net;
using System.Net.Http.Headers;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AmpaCds.Access.Tests;

/// <summary>
/// Calls one mapped endpoint the way a client would, with or without a bearer token, and returns the HTTP
/// status: gRPC methods as HTTP/2 POSTs of an empty message (a refusal is 401/403 before any handler runs),
/// other routes with their HTTP method and placeholder route values.
/// </summary>
public sealed class EndpointCaller(SecuredSystem system)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static bool IsGrpc(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null;

    public static string Method(RouteEndpoint endpoint) =>
        IsGrpc(endpoint) ? "POST" : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    public static string Path(RouteEndpoint endpoint)
    {
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1.2.826.0.1.3680043.2.1143.1",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "x",
        })));
        return "/" + string.Join('/', segments);
    }

    /// <summary>Whether the endpoint is a portal page (cookie session, signed in through the browser) rather than a bearer API.</summary>
    public static bool IsPortal(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Any(data => data.AuthenticationSchemes?.Contains(AmpaCds.Reporting.Portal.Authentication.PortalAuthentication.CookieScheme, StringComparison.Ordinal) == true);

    /// <summary>Calls a portal endpoint without following redirects: the status and where it sends the browser.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location)> CallPortalAsync(RouteEndpoint endpoint, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), system.HttpAddress + Path(endpoint));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var timeout = new CancellationTokenSource(CallTimeout);
        using var response = await system.HttpWithoutRedirects.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return (response.StatusCode, response.Headers.Location);
    }

    public async Task<HttpStatusCode> CallAsync(RouteEndpoint endpoint, string? token)
    {
        var grpc = IsGrpc(endpoint);
        var baseAddress = grpc ? system.GrpcAddress : system.HttpAddress;
        using var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), baseAddress + Path(endpoint));
        if (grpc)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            // One empty, uncompressed gRPC message: flag 0, length 0.
            request.Content = new ByteArrayContent(new byte[5]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TryAddWithoutValidation("TE", "trailers");
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var timeout = new CancellationTokenSource(CallTimeout);
        using var response = await system.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return response.StatusCode;
    }
}
