using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace AmpaCds.Reporting.Identity;

public static class LocalIssuerRegistration
{
    public const string TokenPath = "/connect/token";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(LocalIssuerOptions.EnabledKey);

    /// <summary>
    /// Adds the local users file (AmpaCds:Auth:LocalIssuer:UsersFile, written by `ampacds auth add-user`) to the
    /// configuration, read by its single key before the container exists. A named file that is missing stops the start.
    /// </summary>
    public static IConfigurationManager AddLocalIssuerUsersFile(this IConfigurationManager configuration, string? defaultPath = null)
    {
        var path = configuration[LocalIssuerOptions.UsersFileKey];
        if (string.IsNullOrEmpty(path))
        {
            if (defaultPath is null || !File.Exists(defaultPath))
            {
                return configuration;
            }
            path = defaultPath;
        }
        configuration.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
        return configuration;
    }

    /// <summary>
    /// OpenIddict as a token issuer without a token database (degraded mode): users and clients come from
    /// configuration, tokens are self-contained signed JWTs (not encrypted, so every service's JwtBearer
    /// validates them), and nothing is stored per token. Does nothing unless the local issuer is enabled.
    /// </summary>
    public static IServiceCollection AddLocalIssuer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }
        services.AddOptions<LocalIssuerOptions>()
            .Bind(configuration.GetSection(LocalIssuerOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalIssuerOptions>, LocalIssuerOptionsValidation>();
        services.AddSingleton<LocalDirectory>();
        services.AddSingleton<ClientAuthenticationHandler>();
        services.AddSingleton<AuthorizationRequestValidation>();
        services.AddSingleton<EndSessionRequestValidation>();
        services.AddScoped<TokenExchange>();
        services.AddScoped<InteractiveAuthorization>();
        services.AddScoped<LoginEndpoint>();
        services.AddPortalOptions(configuration);
        services.AddSingleton<IPostConfigureOptions<LocalIssuerOptions>, PortalClientRegistration>();
        services.AddAntiforgery();
        services.AddRazorComponents();
        // The issuer's own session (who signed in at /account/login); never a default scheme, so bearer tokens stay the rule.
        services.AddAuthentication().AddCookie(IssuerCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = IssuerCookie.Name;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = IssuerCookie.Lifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = LoginEndpoint.Path;
        });
        services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                .SetAuthorizationEndpointUris(InteractiveAuthorization.AuthorizePath.TrimStart('/'))
                .SetEndSessionEndpointUris(InteractiveAuthorization.EndSessionPath.TrimStart('/'));
            server.AllowPasswordFlow().AllowClientCredentialsFlow().AllowAuthorizationCodeFlow();
            // Browser clients must prove they started the flow (PKCE); AuthorizationRequestValidation also refuses "plain".
            server.RequireProofKeyForCodeExchange();
            server.RegisterScopes([.. PersonIdentity.GrantableScopes]);
            server.AcceptAnonymousClients();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                handler.UseSingletonHandler<ClientAuthenticationHandler>());
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler =>
                handler.UseSingletonHandler<AuthorizationRequestValidation>());
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler =>
                handler.UseSingletonHandler<EndSessionRequestValidation>());
            server.DisableAccessTokenEncryption();
            var aspNetCore = server.UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            if (environment.IsDevelopment())
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }
        });
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<LocalIssuerOptions>, IOptions<AmpaCdsOptions>>((server, issuer, defaults) =>
            {
                server.Issuer = new Uri(issuer.Value.Issuer);
                server.AccessTokenLifetime = TimeSpan.FromMinutes(issuer.Value.AccessTokenLifetimeMinutes);
                var keyPath = issuer.Value.SigningKeyPath is { Length: > 0 } path ? path : Path.Combine(defaults.Value.DataRoot, "auth", "issuer-signing.pem");
                var key = IssuerSigningKey.LoadOrCreate(keyPath);
                server.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
                // Authorization codes are encrypted; every replica derives the same key from the shared signing key.
                server.EncryptionCredentials.Add(new Microsoft.IdentityModel.Tokens.EncryptingCredentials(IssuerEncryptionKey.DeriveFrom(key),
                    Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256KW, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
                // Only S256: "plain" would let whoever saw the authorization request redeem the code.
                server.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain);
            });
        return services;
    }

    /// <summary>
    /// The token endpoint (password, client-credentials and authorization-code grants), the browser sign-in (authorization
    /// endpoint, sign-in page, end-session endpoint); discovery and keys are answered by OpenIddict itself. All are open:
    /// they are how a caller gets an identity in the first place.
    /// </summary>
    public static IEndpointRouteBuilder MapLocalIssuer(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            endpoints.MapPost(TokenPath, (HttpContext context, TokenExchange exchange, CancellationToken cancellation) => exchange.HandleAsync(context, cancellation))
                .AllowAnonymous();
            endpoints.MapMethods(InteractiveAuthorization.AuthorizePath, [HttpMethods.Get, HttpMethods.Post],
                    (HttpContext context, InteractiveAuthorization authorization, CancellationToken cancellation) => authorization.AuthorizeAsync(context, cancellation))
                .AllowAnonymous();
            endpoints.MapMethods(InteractiveAuthorization.EndSessionPath, [HttpMethods.Get, HttpMethods.Post],
                    (HttpContext context, InteractiveAuthorization authorization) => authorization.EndSessionAsync(context))
                .AllowAnonymous();
            endpoints.MapGet(LoginEndpoint.Path, (HttpContext context, LoginEndpoint login) => login.Show(context))
                .AllowAnonymous();
            endpoints.MapPost(LoginEndpoint.Path, (HttpContext context, LoginEndpoint login, CancellationToken cancellation) => login.SubmitAsync(context, cancellation))
                .AllowAnonymous();
        }
        return endpoints;
    }
}
