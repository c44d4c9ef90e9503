using System.Net.Http.Json;
using System.Text.Json;

namespace AmpaCds.TestSupport.Security;

/// <summary>Gets tokens from a real issuer's token endpoint (RFC 6749 password grant), as the CLI and the portal do.</summary>
public static class TokenClient
{
    public static async Task<string> PasswordGrantAsync(HttpClient http, string issuer, string user, string? role = null, string password = TestUsers.Password)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = user, ["password"] = password };
        if (role is not null)
        {
            form["role"] = role;
        }
        using var response = await http.PostAsync(new Uri(new Uri(issuer.TrimEnd('/') + "/"), "connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"no token for {user} ({role}): HTTP {(int)response.StatusCode} {body}");
    }
}
