using AmpaCds.Reporting.Localization;

namespace AmpaCds.Reporting.Quality;

/// <summary>A quality check's title and detail in the reader's language.</summary>
public static class QualityText
{
    public static string Title(QualityCheck check, UiLanguage language) => UiText.Get(check.TitleKey, language);

    public static string Detail(QualityCheck check, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(check);
        var separator = language == UiLanguage.Japanese ? "、" : ", ";
        var arguments = check.DetailArguments
            .Select(argument => argument is RegionList regions
                ? string.Join(separator, regions.Names.Select(name => UiText.Region(name, language)))
                : argument)
            .ToArray();
        return UiText.Format(check.DetailKey, language, arguments);
    }
}
