using AmpaCds.Security.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AmpaCds.Reporting.Portal.Authentication;

/// <summary>
/// How people sign in to the portal: a cookie session ("AmpaCds.Portal") opened by OpenID Connect against
/// AmpaCds:Auth:Authority. Bearer tokens on gRPC are untouched: JwtBearer stays the default scheme, and only endpoints
/// declared with <see cref="RequirePortalRoles{TBuilder}"/> read the cookie.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = "AmpaCds.Portal";
    public const string OpenIdConnectScheme = "AmpaCds.Portal.Oidc";
    public const string CookieName = ".AmpaCds.Portal";
    public const string SignOutPath = "/portal/signout";

    /// <summary>Where the browser lands after signing out: the portal, which sends it to the sign-in page.</summary>
    public const string AfterSignOut = "/portal";

    // The portal session slides while the person works and ends after half an hour without a request.
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalOptions(configuration);
        services.AddAntiforgery();
        services.AddRazorComponents();
        services.AddScoped<PortalCookieEvents>();
        // No default scheme here: AddAmpaCdsAuthentication's JwtBearer stays the default for gRPC and the APIs.
        services.AddAuthentication()
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OpenIdConnectScheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectScheme)
            .Configure<IOptions<PortalOptions>, IOptions<AuthOptions>>((oidc, portal, auth) => ConfigureOpenIdConnect(oidc, portal.Value, auth.Value));
        return services;
    }

    /// <summary>Binds and validates AmpaCds:Portal once, whether the portal, the local issuer or both ask for it.</summary>
    public static IServiceCollection AddPortalOptions(this IServiceCollection services, IConfiguration configuration)
    {
        // Binding twice would append every list entry twice (PublicOrigins).
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IValidateOptions<PortalOptions>)))
        {
            return services;
        }
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidation>();
        return services;
    }

    /// <summary>
    /// Opens a portal page to people signed in with any of <paramref name="roles"/>: a browser without a session is
    /// sent to the provider to sign in, a person without the role gets the 403 page.
    /// </summary>
    public static TBuilder RequirePortalRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles), AuthenticationSchemes = CookieScheme });

    /// <summary>POST /portal/signout (antiforgery token required): ends the portal session and the provider's.</summary>
    public static IEndpointRouteBuilder MapPortalAuthentication(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, SignOutAsync).RequirePortalRoles([.. Roles.People]);
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // A page on another site must not be able to sign the person out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = AfterSignOut }, [CookieScheme, OpenIdConnectScheme]);
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = SessionLifetime;
        cookie.SlidingExpiration = true;
        // Not signed in: sign in at the provider rather than at a local login path.
        cookie.ForwardChallenge = OpenIdConnectScheme;
        cookie.EventsType = typeof(PortalCookieEvents);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions oidc, PortalOptions portal, AuthOptions auth)
    {
        oidc.Authority = auth.Authority;
        oidc.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        if (auth.AuthorityCaCertificatePath is { Length: > 0 } ca)
        {
            oidc.BackchannelHttpHandler = PrivateCaTrust.Handler(ca);
        }
        oidc.ClientId = portal.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(portal.ClientSecret) ? null : portal.ClientSecret;
        oidc.CallbackPath = portal.CallbackPath;
        oidc.SignedOutCallbackPath = portal.SignedOutCallbackPath;
        oidc.SignInScheme = CookieScheme;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back on a top-level GET, so the correlation and nonce cookies can stay SameSite=Lax
        // (form_post would need SameSite=None).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        // The portal calls Prediction with the person's own access token.
        oidc.SaveTokens = true;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = AmpaCdsClaims.Name;
        oidc.TokenValidationParameters.RoleClaimType = AmpaCdsClaims.Role;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }
}
