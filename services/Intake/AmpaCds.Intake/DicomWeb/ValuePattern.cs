using System.Text.RegularExpressions;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>A query value with DICOM wildcards '*' and '?' (PS3.4 C.2.2.2.4).</summary>
public sealed class ValuePattern
{
    private readonly Regex _regex;

    public ValuePattern(string text, bool ignoreCase)
    {
        var pattern = "^" + Regex.Escape(text).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        // Bounded: a pathological pattern from a client cannot pin a core.
        _regex = new Regex(pattern, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));
    }

    public bool Matches(string? value) => value is not null && _regex.IsMatch(value);
}
