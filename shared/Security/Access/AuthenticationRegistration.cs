using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Access;

public static class AuthenticationRegistration
{
    /// <summary>
    /// Bearer-token authentication against the configured issuer, and authorisation in which an endpoint
    /// that names no role is closed to everyone: a new endpoint cannot ship open by forgetting its attribute.
    /// Refusals go to the host's <see cref="Audit.IAuditTrail"/>, which the service registers with its database.
    /// </summary>
    public static IServiceCollection AddAmpaCdsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => BearerValidation.Configure(jwt, auth.Value));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new DeclaredRoleRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, DeclaredRoleRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Authentication then authorisation, after routing so refusals can name the endpoint.</summary>
    public static IApplicationBuilder UseAmpaCdsAuthentication(this IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Opens an endpoint (or group) to callers holding any of <paramref name="roles"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles) });
}
