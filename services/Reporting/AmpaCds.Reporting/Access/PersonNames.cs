namespace AmpaCds.Reporting.Access;

/// <summary>
/// Compares DICOM person names (PS3.5 6.2, PN): the alphabetic group (before the first '='), components
/// split on '^', surrounding spaces and trailing empty components ignored, case-insensitive. "Sato^Hanako",
/// "SATO^HANAKO^^" and "Sato^Hanako=佐藤^花子" name the same person.
/// </summary>
public static class PersonNames
{
    public static bool Same(string? left, string? right)
    {
        var a = Components(left);
        var b = Components(right);
        return a.Length > 0 && a.SequenceEqual(b, StringComparer.OrdinalIgnoreCase);
    }

    private static string[] Components(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }
        var alphabetic = name.Split('=')[0];
        var components = alphabetic.Split('^').Select(component => component.Trim()).ToList();
        while (components.Count > 0 && components[^1].Length == 0)
        {
            components.RemoveAt(components.Count - 1);
        }
        return [.. components];
    }
}
