namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts of the research page (role researcher): published cohort analyses.</summary>
internal static class ResearchCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("research.nav", "Research", "研究"),
        new("research.title", "Cohort analyses", "コホート解析"),
        new("research.none",
            "No analysis has been published yet. Publish one with `ampacds cohort analyze --cohort FILE --publish --server URL`.",
            "公開された解析はまだありません。`ampacds cohort analyze --cohort FILE --publish --server URL` で公開してください。"),
        new("research.published", "Published {0} by {1}", "{0} に {1} が公開"),
        new("research.cohort", "Cohort file SHA-256", "コホートファイルの SHA-256"),
        new("research.summary-link", "Full summary page", "要約ページ全体"),
        new("research.headline", "TRD vs healthy controls: baseline SUVR per region", "TRD 対 健常対照：領域ごとのベースライン SUVR"),
        new("research.col.direction", "TRD vs healthy", "TRD（健常対照比）"),
        new("research.col.g", "Hedges' g (95 % CI)", "Hedges の g（95 % 信頼区間）"),
        new("research.col.q", "q", "q"),
        new("research.col.q-adjusted", "q (age, sex)", "q（年齢・性別補正）"),
        new("research.direction.higher", "higher", "高い"),
        new("research.direction.lower", "lower", "低い"),
        new("research.direction.none", "no difference", "差なし"),
        new("research.significant", "significant", "有意"),
        new("research.plots", "Plots", "図"),
        new("research.earlier", "Published analyses", "公開済みの解析"),
        new("research.col.title", "Title", "タイトル"),
        new("research.col.when", "Published", "公開日時"),
        new("research.col.by", "By", "公開者"),
        new("research.current", "shown", "表示中"),
        new("research.unreadable", "This analysis's result cannot be read: {0}", "この解析の結果を読み込めません: {0}"),
        new("research.notfound.title", "Analysis not found", "解析が見つかりません"),
        new("research.notfound.text", "There is no published analysis at this address.", "このアドレスに公開された解析はありません。"),
    ];
}
