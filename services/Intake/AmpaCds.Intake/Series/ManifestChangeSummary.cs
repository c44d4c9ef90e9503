using System.Globalization;

namespace AmpaCds.Intake.Series;

/// <summary>Says in words what a new version changed against the previous one, e.g. "2 instances replaced, 1 added".</summary>
public static class ManifestChangeSummary
{
    public const string FirstVersion = "first version";

    /// <param name="previous">The previous version's manifest (UID to content SHA-256); null for the first version.</param>
    public static string Describe(IReadOnlyDictionary<string, string>? previous, SeriesManifest current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return FirstVersion;
        }
        var replaced = 0;
        var added = 0;
        foreach (var entry in current.Entries)
        {
            if (!previous.TryGetValue(entry.SopInstanceUid, out var before))
            {
                added++;
            }
            else if (!string.Equals(before, entry.ContentSha256, StringComparison.Ordinal))
            {
                replaced++;
            }
        }
        var currentUids = current.Entries.Select(entry => entry.SopInstanceUid).ToHashSet(StringComparer.Ordinal);
        var removed = previous.Keys.Count(uid => !currentUids.Contains(uid));

        // Only the changes that happened are named; the first one carries the noun ("1 instance added").
        var parts = new List<string>();
        foreach (var (count, verb) in new[] { (replaced, "replaced"), (added, "added"), (removed, "removed") })
        {
            if (count == 0)
            {
                continue;
            }
            var counted = count.ToString(CultureInfo.InvariantCulture);
            parts.Add(parts.Count == 0 ? $"{counted} {(count == 1 ? "instance" : "instances")} {verb}" : $"{counted} {verb}");
        }
        return parts.Count == 0 ? "content changed" : string.Join(", ", parts);
    }
}
