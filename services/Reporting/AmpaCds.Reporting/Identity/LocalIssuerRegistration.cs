using AmpaCds.ServiceDefaults;
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
        services.AddScoped<TokenExchange>();
        services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
            server.AllowPasswordFlow().AllowClientCredentialsFlow();
            server.AcceptAnonymousClients();
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler =>
                handler.UseSingletonHandler<ClientAuthenticationHandler>());
            server.DisableAccessTokenEncryption();
            // Nothing the issuer encrypts outlives the process (no refresh tokens or codes are issued).
            server.AddEphemeralEncryptionKey();
            var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
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
            });
        return services;
    }

    /// <summary>The token endpoint (password and client-credentials grants); discovery and keys are answered by OpenIddict itself.</summary>
    public static IEndpointRouteBuilder MapLocalIssuer(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            endpoints.MapPost(TokenPath, (HttpContext context, TokenExchange exchange, CancellationToken cancellation) => exchange.HandleAsync(context, cancellation))
                .AllowAnonymous();
        }
        return endpoints;
    }
}
