using System.Security.Claims;
using System.Security.Cryptography;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AmpaCds.TestSupport.Security;

/// <summary>
/// A stand-in for a hospital's OpenID Connect provider in tests of one service: real discovery and JWKS
/// documents over HTTP on loopback, and signed tokens for any user and role. The services validate its
/// tokens exactly as they would a hospital's (the local OpenIddict issuer has its own tests).
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestIssuer(WebApplication app, RsaSecurityKey key, string authority)
    {
        _app = app;
        _key = key;
        Authority = authority;
    }

    public string Authority { get; }

    /// <summary>Settings that make a service trust this issuer (Development: plain HTTP metadata on loopback).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        [$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"] = Authority,
        [$"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}"] = "false",
    };

    public static async Task<TestIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-issuer-key" };
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = "";
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority,
            ["jwks_uri"] = authority + "/.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await app.StartAsync();
        authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new TestIssuer(app, key, authority);
    }

    /// <summary>A token for <paramref name="user"/> carrying <paramref name="roles"/>, valid for an hour unless told otherwise.</summary>
    public string Token(string user, params string[] roles) => Token(user, roles, TimeSpan.FromHours(1));

    public string Token(string user, string[] roles, TimeSpan lifetime, string? audience = null, string? dicomName = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [AmpaCdsClaims.Subject] = user, [AmpaCdsClaims.Role] = roles };
        if (dicomName is not null)
        {
            claims[AmpaCdsClaims.DicomName] = dicomName;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience ?? "ampacds",
            Claims = claims,
            // An expired token must be issued in the past: NotBefore and IssuedAt move back with it.
            NotBefore = lifetime < TimeSpan.Zero ? now + lifetime - TimeSpan.FromHours(1) : now,
            IssuedAt = lifetime < TimeSpan.Zero ? now + lifetime - TimeSpan.FromHours(1) : now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token signed by a key the services do not trust (same claims, wrong signature).</summary>
    public static string ForgedToken(string authority, string user, params string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = authority,
            Audience = "ampacds",
            Claims = new Dictionary<string, object> { [AmpaCdsClaims.Subject] = user, [AmpaCdsClaims.Role] = roles },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-issuer-key" }, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
