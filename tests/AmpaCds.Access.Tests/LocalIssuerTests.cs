using System.Net;
using System.Text.Json;
using AmpaCds.Security.Access;
using AmpaCds.TestSupport.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AmpaCds.Access.Tests;

/// <summary>The gateway's OpenIddict issuer: what a token carries, and the refusals a sign-in can get.</summary>
public sealed class LocalIssuerTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    [Fact]
    public async Task Token_carries_only_the_role_asked_for_the_audience_and_the_dicom_name()
    {
        var token = new JsonWebToken(await system.TokenAsync(TestUsers.Everything, Roles.Ops));

        Assert.Equal(TestUsers.Everything, token.Subject);
        Assert.Equal([Roles.Ops], token.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value));
        Assert.Equal(["ampacds"], token.Audiences);
        Assert.Equal(system.HttpAddress + "/", token.Issuer);
        Assert.Equal(TestUsers.PsychiatristDicomName, token.GetClaim(AmpaCdsClaims.DicomName).Value);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Without_a_role_parameter_the_token_carries_every_role_the_user_holds()
    {
        var token = new JsonWebToken(await system.TokenAsync(TestUsers.Everything));

        Assert.Equal(Roles.People.Order(StringComparer.Ordinal),
            token.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(TestUsers.Psychiatrist, TestUsers.Password, Roles.ModelAdmin, "invalid_scope", "does not hold role model-admin")]
    [InlineData(TestUsers.Psychiatrist, "wrong password", null, "invalid_grant", "unknown user or wrong password")]
    [InlineData("nobody", TestUsers.Password, null, "invalid_grant", "unknown user or wrong password")]
    public async Task Refused_sign_ins_say_why(string user, string password, string? role, string error, string description)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = user, ["password"] = password };
        if (role is not null)
        {
            form["role"] = role;
        }
        var (status, body) = await PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Contains(description, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_client_with_the_wrong_secret_gets_no_token()
    {
        var (status, body) = await PostAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SecuredSystem.ServiceClient,
            ["client_secret"] = "guess",
        });

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"HTTP {(int)status}");
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_service_signs_in_with_its_client_credentials_and_carries_the_service_role()
    {
        var token = new JsonWebToken(await system.ServiceTokenAsync());

        Assert.Equal(SecuredSystem.ServiceClient, token.Subject);
        Assert.Equal([Roles.Service], token.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Dictionary<string, string> form)
    {
        using var response = await system.Http.PostAsync(system.HttpAddress + "/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
