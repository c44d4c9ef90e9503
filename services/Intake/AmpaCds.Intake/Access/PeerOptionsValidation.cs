using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Access;

/// <summary>A mistyped peer address must stop the start-up, not silently lock a PACS out.</summary>
public sealed class PeerOptionsValidation : IValidateOptions<IntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var failures = new List<string>();
        foreach (var peer in options.Peers)
        {
            if (string.IsNullOrWhiteSpace(peer.AeTitle) || peer.AeTitle.Length > 16)
            {
                failures.Add($"peer AE title '{peer.AeTitle}' must be 1 to 16 characters");
            }
            failures.AddRange(peer.Addresses
                .Where(text => !PeerAddressRanges.TryParse(text, out _))
                .Select(text => $"peer {peer.AeTitle}: '{text}' is not an IP address or CIDR range"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
