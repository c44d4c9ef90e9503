namespace AmpaCds.Imaging.PartialVolume;

/// <summary>The lower-case names ("none", "gtm", "rbv") used in settings, the CLI, messages and stored databases.</summary>
public static class PartialVolumeMethods
{
    public const string NoneName = "none";

    public static IReadOnlyList<string> Names { get; } = ["none", "gtm", "rbv"];

    public static string Name(this PartialVolumeMethod method) => method switch
    {
        PartialVolumeMethod.Gtm => "gtm",
        PartialVolumeMethod.Rbv => "rbv",
        _ => NoneName,
    };

    /// <summary>Case-insensitive; null or empty reads as none, so records written before the field existed count as uncorrected.</summary>
    public static bool TryParse(string? text, out PartialVolumeMethod method)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or NoneName:
                method = PartialVolumeMethod.None;
                return true;
            case "gtm":
                method = PartialVolumeMethod.Gtm;
                return true;
            case "rbv":
                method = PartialVolumeMethod.Rbv;
                return true;
            default:
                method = PartialVolumeMethod.None;
                return false;
        }
    }

    public static PartialVolumeMethod Parse(string? text) => TryParse(text, out var method)
        ? method
        : throw new ArgumentException($"Unknown partial-volume correction '{text}'; use one of {string.Join(", ", Names)}.", nameof(text));
}
