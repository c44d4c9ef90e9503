using System.Security.Claims;
using System.Text.Encodings.Web;
using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.TestSupport.Security;

/// <summary>
/// A stand-in for JWT validation: the bearer token "user:role1,role2" (optionally ":DICOM^NAME", the dicom_name
/// claim care-team access matches) is taken at its word.
/// </summary>
public sealed class RolesInTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "roles-in-token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var parts = header["Bearer ".Length..].Split(':', 3);
        if (parts.Length < 2)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed token"));
        }
        var claims = new List<Claim> { new("sub", parts[0]) };
        claims.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim("role", role)));
        if (parts.Length == 3)
        {
            claims.Add(new Claim(AmpaCdsClaims.DicomName, parts[2]));
        }
        var identity = new ClaimsIdentity(claims, SchemeName, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
