using System.Collections.Frozen;
using System.Globalization;
using AmpaCds.Reporting.Localization.Catalogs;

namespace AmpaCds.Reporting.Localization;

/// <summary>
/// Every label and message the portal, the HTML report and the PDF show, in English and Japanese. Each area keeps its
/// texts in its own catalog under Catalogs/; keys are unique across catalogs (checked at start and in a test).
/// </summary>
public static class UiText
{
    private static readonly FrozenDictionary<string, TextEntry> Entries = Build();

    public static IEnumerable<TextEntry> All => Entries.Values;

    public static string Get(string key, UiLanguage language)
    {
        if (!Entries.TryGetValue(key, out var entry))
        {
            throw new KeyNotFoundException($"No text with key '{key}' in the UI catalogs.");
        }

        return language == UiLanguage.Japanese ? entry.Japanese : entry.English;
    }

    public static string Format(string key, UiLanguage language, params object?[] arguments) =>
        string.Format(language.Culture(), Get(key, language), arguments);

    /// <summary>
    /// An atlas region's display name, also for a model feature named after it ("suvr_caudate"); an unknown region
    /// shows its technical name rather than failing.
    /// </summary>
    public static string Region(string name, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(name);
        var region = name.StartsWith(FeaturePrefix, StringComparison.Ordinal) ? name[FeaturePrefix.Length..] : name;
        return Entries.TryGetValue(RegionCatalog.KeyFor(region), out var entry)
            ? (language == UiLanguage.Japanese ? entry.Japanese : entry.English)
            : name;
    }

    /// <summary>How the model names a regional SUVR feature.</summary>
    private const string FeaturePrefix = "suvr_";

    private static FrozenDictionary<string, TextEntry> Build()
    {
        var entries = new Dictionary<string, TextEntry>(StringComparer.Ordinal);
        foreach (var entry in CatalogList.Catalogs.SelectMany(catalog => catalog))
        {
            if (!entries.TryAdd(entry.Key, entry))
            {
                throw new InvalidOperationException($"UI text key '{entry.Key}' is defined twice.");
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
