using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Quantification;

/// <summary>
/// The patient-key secret turns patient IDs into the keys that link baseline and follow-up studies.
/// Left at the published development default, anyone could recompute the keys from a patient ID, so
/// outside Development the host refuses to start until a site secret is set.
/// </summary>
public sealed class PatientKeySecretValidation(IHostEnvironment environment) : IValidateOptions<QuantificationOptions>
{
    public const int MinimumLength = 32;

    private const string Key = QuantificationOptions.Section + ":" + nameof(QuantificationOptions.PatientKeySecret);
    private const string HowToSet = "set a site secret of at least 32 characters in " + Key +
                                    " (environment variable AmpaCds__Quantification__PatientKeySecret); keep it the same across restarts, or baselines and follow-ups no longer link";

    public ValidateOptionsResult Validate(string? name, QuantificationOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }
        var secret = options.PatientKeySecret ?? "";
        if (secret == QuantificationOptions.DevelopmentPatientKeySecret)
        {
            return ValidateOptionsResult.Fail(
                $"{Key} is the development default, which must not be used in the {environment.EnvironmentName} environment: {HowToSet}.");
        }
        if (secret.Length < MinimumLength)
        {
            return ValidateOptionsResult.Fail(
                $"{Key} is {secret.Length} characters, shorter than {MinimumLength}: {HowToSet}.");
        }
        return ValidateOptionsResult.Success;
    }
}
