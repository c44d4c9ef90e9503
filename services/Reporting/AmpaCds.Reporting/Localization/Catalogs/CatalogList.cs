namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>The catalogs <see cref="UiText"/> reads; a new area adds its catalog here.</summary>
internal static class CatalogList
{
    public static IReadOnlyList<IReadOnlyList<TextEntry>> Catalogs { get; } =
    [
        RegionCatalog.Entries,
        CommonCatalog.Entries,
        QualityCatalog.Entries,
        ReportViewCatalog.Entries,
        PortalCatalog.Entries,
        ReportCatalog.Entries,
        FigureCatalog.Entries,
        SignInCatalog.Entries,
        OpsCatalog.Entries,
        PartialVolumeCatalog.Entries,
        AnalysisCatalog.Entries,
        ResearchCatalog.Entries,
    ];
}
