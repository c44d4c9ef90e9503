using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults;

/// <summary>Without a data root nothing can be stored; say so at start, naming the key.</summary>
public sealed class AmpaCdsOptionsValidation : IValidateOptions<AmpaCdsOptions>
{
    public ValidateOptionsResult Validate(string? name, AmpaCdsOptions options) =>
        string.IsNullOrWhiteSpace(options.DataRoot)
            ? ValidateOptionsResult.Fail($"{AmpaCdsOptions.Section}:{nameof(options.DataRoot)} is required (the folder of local state)")
            : ValidateOptionsResult.Success;
}
