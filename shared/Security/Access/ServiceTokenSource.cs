using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Access;

/// <summary>
/// This service's own access token, from the issuer's token endpoint with the client-credentials grant. One token is
/// shared by all calls and replaced shortly before it expires, so the issuer sees one sign-in per token lifetime,
/// not one per call (each sign-in is an audit event there).
/// </summary>
public sealed class ServiceTokenSource(
    IHttpClientFactory httpClients, IOptions<ServiceIdentityOptions> identity, IOptions<AuthOptions> auth, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "ampacds-service-identity";

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private CachedToken? _current;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Valid(_current) is { } token)
        {
            return token;
        }
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (Valid(_current) is { } renewed)
            {
                return renewed;
            }
            _current = await RequestAsync(cancellationToken);
            return _current.AccessToken;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Drops the cached token, e.g. after a call was refused with 401 because the issuer's keys rotated.</summary>
    public void Invalidate() => _current = null;

    public void Dispose() => _renewal.Dispose();

    private string? Valid(CachedToken? token) =>
        token is not null && clock.GetUtcNow() < token.ExpiresAt - identity.Value.RenewBeforeExpiry ? token.AccessToken : null;

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var endpoint = TokenEndpoint(auth.Value.Authority);
        var client = identity.Value;
        using var http = httpClients.CreateClient(HttpClientName);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        });
        var requestedAt = clock.GetUtcNow();
        using var response = await http.PostAsync(endpoint, form, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
        {
            // The issuer's error code and description name the problem; the secret never appears in them.
            throw new ServiceTokenException($"the issuer at {endpoint} gave client '{client.ClientId}' no token: HTTP {(int)response.StatusCode}" +
                (body?.Error is { } error ? $" {error}: {body.ErrorDescription}" : ""));
        }
        // Without expires_in the token is treated as short-lived rather than cached indefinitely.
        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 300);
        return new CachedToken(body.AccessToken, requestedAt + lifetime);
    }

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The local issuer and OpenIddict serve /connect/token beneath the authority.</summary>
    public static Uri TokenEndpoint(string authority) => new(new Uri(authority.TrimEnd('/') + "/"), "connect/token");

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
