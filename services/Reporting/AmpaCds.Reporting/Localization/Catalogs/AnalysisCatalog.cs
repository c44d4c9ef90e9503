namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts of the cohort analysis (`ampacds cohort analyze`): the summary page and the plots.</summary>
internal static class AnalysisCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("analysis.title", "Cohort analysis", "コホート解析"),
        new("analysis.research-only",
            "Research use only: group statistics over a cohort, not a finding about any patient.",
            "研究用途のみ：コホートの集団統計であり、個々の患者についての所見ではありません。"),
        new("analysis.counts", "{0} healthy controls, {1} TRD patients ({2} ketamine, {3} placebo; follow-up scans: {4} ketamine, {5} placebo).",
            "健常対照 {0} 名、TRD 患者 {1} 名（ケタミン {2} 名、プラセボ {3} 名；フォローアップ撮像：ケタミン {4} 名、プラセボ {5} 名）。"),
        new("analysis.fdr", "Significant: Benjamini-Hochberg q < {0} over the regions of each table.",
            "有意：各表の領域全体で Benjamini-Hochberg 法による q < {0}。"),
        new("analysis.covariates", "Group difference adjusted for age and sex (linear model).", "年齢・性別を共変量とした線形モデルで群差を補正。"),
        new("analysis.group", "TRD vs healthy controls (baseline SUVR)", "TRD 対 健常対照（ベースライン SUVR）"),
        new("analysis.severity", "Severity: SUVR vs baseline MADRS (TRD)", "重症度：SUVR とベースライン MADRS の相関（TRD）"),
        new("analysis.change", "Ketamine: change from baseline to follow-up", "ケタミン：ベースラインからフォローアップへの変化"),
        new("analysis.change-vs-improvement", "Ketamine: SUVR change vs MADRS improvement", "ケタミン：SUVR 変化と MADRS 改善の相関"),
        new("analysis.arms", "Ketamine vs placebo: SUVR change", "ケタミン 対 プラセボ：SUVR 変化"),
        new("analysis.prediction", "Baseline SUVR vs % MADRS change (ketamine)", "ベースライン SUVR と MADRS 変化率の相関（ケタミン）"),
        new("analysis.region", "Region", "領域"),
        new("analysis.effect", "Effect", "効果"),
        new("analysis.interval", "95 % CI", "95 % 信頼区間"),
        new("analysis.significant", "Significant regions", "有意な領域"),
        new("analysis.none-significant", "No region is significant.", "有意な領域はありません。"),
        new("analysis.hedges-g", "Hedges' g (A − B)", "Hedges の g（A − B）"),
        new("analysis.pearson-r", "Pearson r", "Pearson の r"),
        new("analysis.dz", "Cohen's d_z (follow-up − baseline)", "Cohen の d_z（フォローアップ − ベースライン）"),
        new("analysis.normalisation", "Normalisation index", "正常化指数"),
        new("analysis.skipped", "Not analysed", "未解析"),
        new("analysis.tables", "Tables (CSV and JSON) are in this folder.", "表（CSV と JSON）はこのフォルダにあります。"),
    ];
}
