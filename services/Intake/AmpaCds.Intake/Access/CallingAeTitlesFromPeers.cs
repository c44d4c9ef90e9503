using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Access;

/// <summary>
/// Every configured peer's AE title joins AllowedCallingAeTitles, which DicomServer enforces at
/// association time: once peers are listed, an unknown calling AE is rejected (1, 1, 3).
/// </summary>
public sealed class CallingAeTitlesFromPeers : IPostConfigureOptions<IntakeOptions>
{
    public void PostConfigure(string? name, IntakeOptions options)
    {
        if (options.Peers.Length == 0)
        {
            return;
        }
        options.AllowedCallingAeTitles = [.. options.AllowedCallingAeTitles
            .Concat(options.Peers.Select(peer => peer.AeTitle.Trim()))
            .Where(title => title.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }
}
