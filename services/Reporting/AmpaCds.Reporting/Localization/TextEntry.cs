namespace AmpaCds.Reporting.Localization;

/// <summary>One translatable text: its key and both languages side by side, so a missing translation is visible in review.</summary>
/// <remarks>Texts may hold composite-format placeholders ({0}, {1}) filled by <see cref="UiText.Format"/>.</remarks>
public sealed record TextEntry(string Key, string English, string Japanese);
