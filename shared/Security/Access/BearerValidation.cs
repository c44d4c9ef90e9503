using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AmpaCds.Security.Access;

/// <summary>What a valid token is: signed by the configured issuer, for the AmpaCds audience, unexpired, its claims read by their JWT names.</summary>
public static class BearerValidation
{
    // Clock skew between the issuer and a service: small, because tokens live an hour at most.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        jwt.Authority = auth.Authority;
        jwt.Audience = auth.Audience;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        // Claims keep their JWT names ("sub", "role"), not the WS-* URIs the handler would map them to.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.NameClaimType = AmpaCdsClaims.Subject;
        jwt.TokenValidationParameters.RoleClaimType = AmpaCdsClaims.Role;
        jwt.TokenValidationParameters.ValidateIssuer = true;
        jwt.TokenValidationParameters.ValidateAudience = true;
        jwt.TokenValidationParameters.ValidateLifetime = true;
        jwt.TokenValidationParameters.ClockSkew = ClockSkew;
        if (auth.AuthorityCaCertificatePath is { Length: > 0 } ca)
        {
            jwt.BackchannelHttpHandler = PrivateCaTrust.Handler(ca);
        }
    }
}
