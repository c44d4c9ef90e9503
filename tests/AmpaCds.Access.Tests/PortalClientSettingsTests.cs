using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Access.Tests;

/// <summary>The browser clients' settings: what the issuer and the portal refuse at start, and the portal client the issuer derives.</summary>
public sealed class PortalClientSettingsTests
{
    [Fact]
    public void The_issuer_registers_the_portal_with_exactly_its_origins_callbacks_and_a_hashed_secret()
    {
        var issuer = new LocalIssuerOptions { Enabled = true };
        new PortalClientRegistration(Options.Create(new PortalOptions
        {
            ClientSecret = "portal-secret-of-sufficient-length",
            PublicOrigins = ["https://reporting.example:5180/", "http://127.0.0.1:5180"],
        })).PostConfigure(null, issuer);

        var client = Assert.Single(issuer.Clients);
        Assert.Equal("ampacds-portal", client.ClientId);
        Assert.True(client.Confidential);
        Assert.True(PasswordHash.Verify("portal-secret-of-sufficient-length", client.SecretHash));
        Assert.Equal(["https://reporting.example:5180/signin-oidc", "http://127.0.0.1:5180/signin-oidc"], client.RedirectUris);
        Assert.Equal(["https://reporting.example:5180/signout-callback-oidc", "http://127.0.0.1:5180/signout-callback-oidc"], client.PostLogoutRedirectUris);
    }

    [Fact]
    public void Without_a_secret_the_portal_is_a_public_client_that_the_issuer_accepts()
    {
        var issuer = new LocalIssuerOptions { Enabled = true, Issuer = "http://127.0.0.1:5180" };
        new PortalClientRegistration(Options.Create(new PortalOptions { PublicOrigins = ["http://127.0.0.1:5180"] })).PostConfigure(null, issuer);

        Assert.False(Assert.Single(issuer.Clients).Confidential);
        Assert.True(new LocalIssuerOptionsValidation().Validate(null, issuer).Succeeded);
    }

    [Fact]
    public void The_issuer_refuses_public_clients_that_hold_secrets_or_roles_and_redirect_uris_with_fragments()
    {
        var issuer = new LocalIssuerOptions
        {
            Enabled = true,
            Issuer = "http://127.0.0.1:5180",
            Clients =
            [
                new LocalClient { ClientId = "web", Confidential = false, SecretHash = PasswordHash.Create("x"), Roles = [Roles.Service], RedirectUris = ["https://a.example/cb#x"] },
                new LocalClient { ClientId = "web2", Confidential = false },
            ],
        };

        var failures = new LocalIssuerOptionsValidation().Validate(null, issuer).Failures!.ToList();

        Assert.Contains("AmpaCds:Auth:LocalIssuer:Clients:0 ('web') is not confidential but has a SecretHash: set Confidential=true or remove the hash", failures);
        Assert.Contains("AmpaCds:Auth:LocalIssuer:Clients:0 ('web') is not confidential and cannot hold roles of its own", failures);
        Assert.Contains("AmpaCds:Auth:LocalIssuer:Clients:0:RedirectUris:0 must be an absolute http(s) URL without a fragment, not 'https://a.example/cb#x'", failures);
        Assert.Contains("AmpaCds:Auth:LocalIssuer:Clients:1 ('web2') is not confidential and has no RedirectUris: it could not sign anyone in", failures);
        Assert.Equal(4, failures.Count);
    }

    [Fact]
    public void The_portal_refuses_a_short_secret_an_origin_with_a_path_and_a_relative_callback()
    {
        var failures = new PortalOptionsValidation().Validate(null, new PortalOptions
        {
            ClientSecret = "short",
            PublicOrigins = ["https://reporting.example/portal"],
            CallbackPath = "signin-oidc",
        }).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains("AmpaCds:Portal:ClientSecret must be at least 16 characters", failures[0], StringComparison.Ordinal);
        Assert.Equal("AmpaCds:Portal:CallbackPath must be a path starting with '/', not 'signin-oidc'", failures[1]);
        Assert.StartsWith("AmpaCds:Portal:PublicOrigins:0 must be an http(s) origin", failures[2], StringComparison.Ordinal);
    }
}
