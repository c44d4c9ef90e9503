namespace AmpaCds.Reporting.Quality;

/// <summary>
/// One input check the report shows in its quality panel. <paramref name="TitleKey"/> and <paramref name="DetailKey"/>
/// are UI text keys (<see cref="Localization.UiText"/>); <paramref name="DetailArguments"/> fill the detail's placeholders.
/// </summary>
public sealed record QualityCheck(string TitleKey, bool Passed, string DetailKey, IReadOnlyList<object> DetailArguments);
