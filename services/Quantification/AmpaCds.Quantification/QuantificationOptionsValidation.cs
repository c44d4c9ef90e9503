using AmpaCds.Imaging.PartialVolume;
using Microsoft.Extensions.Options;

namespace AmpaCds.Quantification;

/// <summary>Values that would make every measurement wrong stop the start, each naming its key.</summary>
public sealed class QuantificationOptionsValidation : IValidateOptions<QuantificationOptions>
{
    private const string Prefix = QuantificationOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, QuantificationOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ReferenceRegion))
        {
            failures.Add($"{Prefix}{nameof(options.ReferenceRegion)} is required (\"whole_brain\" or an atlas region name)");
        }
        if (!(options.TemplateSmoothingFwhmMm is >= 0 and <= 20))
        {
            failures.Add($"{Prefix}{nameof(options.TemplateSmoothingFwhmMm)} must be 0 to 20 mm, not {options.TemplateSmoothingFwhmMm}");
        }
        if (!(options.FallbackHalfLifeSeconds > 0) || double.IsInfinity(options.FallbackHalfLifeSeconds))
        {
            failures.Add($"{Prefix}{nameof(options.FallbackHalfLifeSeconds)} must be a positive number of seconds, not {options.FallbackHalfLifeSeconds}");
        }
        if (!(options.AbnormalZThreshold > 0) || double.IsInfinity(options.AbnormalZThreshold))
        {
            failures.Add($"{Prefix}{nameof(options.AbnormalZThreshold)} must be positive, not {options.AbnormalZThreshold}");
        }
        if (!(options.DynamicWindowStartMinutes >= 0) || !(options.DynamicWindowEndMinutes > options.DynamicWindowStartMinutes))
        {
            failures.Add($"{Prefix}{nameof(options.DynamicWindowStartMinutes)} and {nameof(options.DynamicWindowEndMinutes)} must give a window with 0 <= start < end, not {options.DynamicWindowStartMinutes} to {options.DynamicWindowEndMinutes}");
        }
        if (!string.IsNullOrWhiteSpace(options.AtlasLabelImage)
            && (string.IsNullOrWhiteSpace(options.AtlasLabelTable) || string.IsNullOrWhiteSpace(options.Template)))
        {
            failures.Add($"{Prefix}{nameof(options.AtlasLabelImage)} needs {Prefix}{nameof(options.AtlasLabelTable)} and {Prefix}{nameof(options.Template)} too (a site atlas comes with its labels and template)");
        }
        if (!PartialVolumeMethods.TryParse(options.PartialVolume.Method, out _))
        {
            failures.Add($"{Prefix}PartialVolume:Method must be one of {string.Join(", ", PartialVolumeMethods.Names)}, not '{options.PartialVolume.Method}'");
        }
        if (!(options.PartialVolume.FwhmMm is > 0 and < 20))
        {
            failures.Add($"{Prefix}PartialVolume:FwhmMm must be more than 0 and less than 20 mm, not {options.PartialVolume.FwhmMm}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
