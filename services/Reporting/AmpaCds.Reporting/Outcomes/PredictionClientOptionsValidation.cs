using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Outcomes;

public sealed class PredictionClientOptionsValidation : IValidateOptions<PredictionClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Url.Length > 0 && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            return ValidateOptionsResult.Fail($"{PredictionClientOptions.Section}:{nameof(PredictionClientOptions.Url)} must be an absolute https:// URL, not '{options.Url}'");
        }
        if (options.CaCertificatePath.Length > 0 && !File.Exists(options.CaCertificatePath))
        {
            return ValidateOptionsResult.Fail($"{PredictionClientOptions.Section}:{nameof(PredictionClientOptions.CaCertificatePath)}: no file at '{options.CaCertificatePath}'");
        }
        return ValidateOptionsResult.Success;
    }
}
