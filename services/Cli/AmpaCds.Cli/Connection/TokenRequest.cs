using System.Net.Http.Json;
using System.Text.Json.Serialization;
using AmpaCds.Cli.Output;

namespace AmpaCds.Cli.Connection;

/// <summary>The OAuth 2.0 token request (RFC 6749 4.3, password grant) to the local issuer, with its refusals as the CLI's exit 3.</summary>
public static class TokenRequest
{
    public const string TokenPath = "connect/token";

    public static async Task<string> PasswordGrantAsync(ServiceConnection issuer, string user, string password, IReadOnlyList<string> roles, CancellationToken cancellation)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("username", user),
            new("password", password),
        };
        if (roles.Count > 0)
        {
            form.Add(new("role", string.Join(' ', roles)));
        }
        using var http = issuer.OpenHttpClient();
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(TokenPath, new FormUrlEncodedContent(form), cancellation);
        }
        catch (HttpRequestException error)
        {
            throw new CliFailure($"token issuer at {issuer.Address} unreachable: {error.Message}", CliRunner.PeerError);
        }
        using (response)
        {
            var body = await ReadAsync(response, cancellation)
                ?? throw new CliFailure($"token issuer at {issuer.Address} answered HTTP {(int)response.StatusCode} without a token response", CliRunner.PeerError);
            if (body.AccessToken is { Length: > 0 } token)
            {
                return token;
            }
            var reason = body.ErrorDescription ?? body.Error ?? $"HTTP {(int)response.StatusCode}";
            // invalid_scope: the user exists and signed in, but does not hold the role asked for.
            throw new CliFailure(body.Error == "invalid_scope" ? $"not permitted: {reason}" : $"not authenticated: {reason}", CliRunner.PeerError);
        }
    }

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellation);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
