using AmpaCds.Security.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AmpaCds.Access.Tests;

/// <summary>The client-credentials token source against the gateway's real OpenIddict issuer.</summary>
public sealed class ServiceTokenSourceTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    [Fact]
    public async Task The_token_names_the_client_with_the_service_role_and_is_reused_until_shortly_before_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = ServiceClients.Build(system, clock);
        var source = services.GetRequiredService<ServiceTokenSource>();

        var first = await source.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(57));
        var later = await source.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1.5));
        var renewed = await source.GetTokenAsync(CancellationToken.None);

        var token = new JsonWebToken(first);
        Assert.Equal(SecuredSystem.ServiceClient, token.Subject);
        Assert.Equal([Roles.Service], token.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value));
        Assert.Equal(first, later);
        // The local issuer's tokens live 60 minutes; 58.5 minutes in, within the 2-minute margin, a new one is fetched.
        Assert.NotEqual(first, renewed);
        Assert.Equal(SecuredSystem.ServiceClient, new JsonWebToken(renewed).Subject);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_issuers_reason()
    {
        await using var services = ServiceClients.Build(system, TimeProvider.System, secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<ServiceTokenException>(() => services.GetRequiredService<ServiceTokenSource>().GetTokenAsync(CancellationToken.None));

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains($"client '{SecuredSystem.ServiceClient}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_client_credentials_name_their_keys()
    {
        var result = new ServiceIdentityOptionsValidation().Validate(null, new ServiceIdentityOptions());

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.StartsWith("AmpaCds:ServiceIdentity:ClientId must name", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("AmpaCds:ServiceIdentity:ClientSecret must be set", StringComparison.Ordinal));
    }

    [Fact]
    public void The_token_endpoint_is_beneath_the_authority_with_or_without_a_trailing_slash()
    {
        Assert.Equal("https://issuer.example:5180/connect/token", ServiceTokenSource.TokenEndpoint("https://issuer.example:5180").ToString());
        Assert.Equal("https://issuer.example/realms/x/connect/token", ServiceTokenSource.TokenEndpoint("https://issuer.example/realms/x/").ToString());
    }
}
