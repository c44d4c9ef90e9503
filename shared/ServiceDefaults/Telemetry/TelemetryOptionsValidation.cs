using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Telemetry;

/// <summary>A collector address that cannot be used would silently lose every trace: refuse it at start, naming the key.</summary>
public sealed class TelemetryOptionsValidation : IValidateOptions<TelemetryOptions>
{
    public static readonly IReadOnlyList<string> Protocols = ["grpc", "http/protobuf"];

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ExportsOtlp
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            failures.Add($"{TelemetryOptions.Section}:{nameof(options.OtlpEndpoint)} must be an absolute http:// or https:// address or empty (no export), not '{options.OtlpEndpoint}'");
        }
        if (!Protocols.Contains(options.OtlpProtocol, StringComparer.Ordinal))
        {
            failures.Add($"{TelemetryOptions.Section}:{nameof(options.OtlpProtocol)} must be one of {string.Join(", ", Protocols)}, not '{options.OtlpProtocol}'");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
