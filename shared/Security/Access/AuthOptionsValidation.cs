using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Access;

/// <summary>A service without a trusted issuer would accept no one (or, misconfigured, anyone): stop it at start instead.</summary>
public sealed class AuthOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
        {
            return ValidateOptionsResult.Fail(
                $"{AuthOptions.Section}:{nameof(AuthOptions.Authority)} must be the token issuer's http(s) URL (the hospital's OpenID Connect provider, " +
                $"or the Reporting gateway's local issuer), not '{options.Authority}'");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            return ValidateOptionsResult.Fail($"{AuthOptions.Section}:{nameof(AuthOptions.Audience)} must not be empty");
        }
        if (!options.RequireHttpsMetadata && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)}=false is allowed only in the Development environment; " +
                "give the issuer a certificate (deploy/certs.sh) instead");
        }
        if (authority.Scheme == "http" && options.RequireHttpsMetadata)
        {
            return ValidateOptionsResult.Fail(
                $"{AuthOptions.Section}:{nameof(AuthOptions.Authority)} '{options.Authority}' is plain http while " +
                $"{AuthOptions.Section}:{nameof(AuthOptions.RequireHttpsMetadata)} is true: use the issuer's https URL");
        }
        if (options.AuthorityCaCertificatePath is { Length: > 0 } ca && !File.Exists(ca))
        {
            return ValidateOptionsResult.Fail($"{AuthOptions.Section}:{nameof(AuthOptions.AuthorityCaCertificatePath)} '{ca}' does not exist");
        }
        return ValidateOptionsResult.Success;
    }
}
