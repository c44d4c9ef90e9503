namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>
/// Section titles, column headers and labels of the per-patient report. The PDF and the HTML report read the same keys,
/// so the two documents name everything alike.
/// </summary>
internal static class ReportCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("report.title", "[11C]K-2 AMPA receptor PET: ketamine response report", "[11C]K-2 AMPA 受容体 PET：ケタミン反応性レポート"),
        new("report.page.header", "{0} · study of {1}", "{0}・検査日 {1}"),
        new("report.page.number", "Page {0} of {1}", "{0} / {1} ページ"),
        new("report.page.research-use", "Research use only", "研究用途のみ"),
        new("report.generated", "Generated {0}", "作成日時 {0}"),

        new("report.patient.title", "Patient and study", "患者と検査"),
        new("report.patient.name", "Patient name", "患者氏名"),
        new("report.patient.id", "Patient ID", "患者 ID"),
        new("report.patient.study-date", "Study date", "検査日"),
        new("report.patient.referring-physician", "Referring physician", "依頼医"),
        new("report.patient.study-description", "Study", "検査"),
        new("report.patient.study-uid", "Study Instance UID", "Study Instance UID"),
        new("report.patient.series-uid", "Series Instance UID", "Series Instance UID"),
        new("report.patient.unknown", "(unknown)", "（不明）"),

        new("report.intended-use.title", "Intended use", "使用目的"),

        new("report.forecast.title", "Forecast (exploratory)", "予測（探索的）"),
        new("report.forecast.probability", "Probability of response (≥ 50 % MADRS reduction)", "反応確率（MADRS 50 % 以上の改善）"),
        new("report.forecast.madrs", "Expected MADRS change (negative = improvement)", "MADRS 変化の予測値（負の値 = 改善）"),
        new("report.forecast.interval", "{0} (90 % interval {1} to {2})", "{0}（90 % 区間 {1}～{2}）"),
        new("report.forecast.calibration", "Calibration", "較正"),
        new("report.forecast.calibration.none", "none", "なし"),
        new("report.forecast.model-version", "Model version", "モデルバージョン"),
        new("report.forecast.model-card", "Model card", "モデルカード"),
        new("report.forecast.not-given", "(not given)", "（記載なし）"),
        new("report.forecast.withheld", "The forecast is withheld because the input failed a quality check.", "入力が品質チェックに不合格のため、予測は表示しません。"),
        new("report.forecast.figure", "Probability of response with its 90 % interval", "反応確率と 90 % 区間"),

        new("report.contributions.title", "What drove this forecast", "予測に影響した要因"),
        new("report.contributions.col.region", "Region", "領域"),
        new("report.contributions.col.deviation", "Patient vs training cohort (SD)", "学習コホートとの差（SD）"),
        new("report.contributions.col.effect", "Effect on log-odds of response", "反応の対数オッズへの寄与"),
        new("report.contributions.col.direction", "Direction", "方向"),
        new("report.contributions.toward", "toward response", "反応の方向"),
        new("report.contributions.away", "away from response", "非反応の方向"),

        new("report.quality.col.check", "Check", "項目"),
        new("report.quality.col.result", "Result", "結果"),
        new("report.quality.col.detail", "Detail", "詳細"),
        new("report.quality.registration-detail", "Registration detail", "位置合わせの詳細"),
        new("report.quality.reference-region", "SUVR reference region", "SUVR 参照領域"),
        new("report.quality.reference-suv", "Reference SUV mean (g/mL)", "参照領域の平均 SUV (g/mL)"),

        new("report.regions.title", "Regional AMPA receptor density", "領域別 AMPA 受容体密度"),
        new("report.regions.col.region", "Region", "領域"),
        new("report.regions.col.suv", "SUV mean (g/mL)", "平均 SUV (g/mL)"),
        new("report.regions.col.suvr", "SUVR", "SUVR"),
        new("report.regions.col.z", "z-score", "z スコア"),
        new("report.regions.col.voxels", "Voxels", "ボクセル数"),
        new("report.regions.col.coverage", "Coverage", "被覆率"),
        new("report.regions.normative", "z-scores against the normative database {0} ({1} controls).", "正常データベース {0}（対照 {1} 名）に対する z スコア。"),
        new("report.regions.normative.age-adjusted", "z-scores against the normative database {0} ({1} controls, age-adjusted).", "正常データベース {0}（対照 {1} 名、年齢補正あり）に対する z スコア。"),
        new("report.regions.no-z", "No z-scores: {0}", "z スコアなし：{0}"),
        new("report.regions.no-value", "–", "–"),
        new("report.regions.chart", "Regional z-scores against the normal range (|z| ≤ 2 shaded)", "正常範囲（|z| ≤ 2、網掛け）に対する領域別 z スコア"),

        new("report.images.title", "Images", "画像"),
        new("report.images.suvr", "SUVR in template space with atlas outlines (axial, coronal, sagittal)", "テンプレート空間の SUVR とアトラス輪郭（横断・冠状断・矢状断）"),
        new("report.images.z", "Voxel-wise z-score against the normative maps (axial, coronal, sagittal)", "正常マップに対するボクセル単位の z スコア（横断・冠状断・矢状断）"),
        new("report.images.z-overview", "Axial overview of the z-map, skull base to vertex", "z マップの横断像一覧（頭蓋底から頭頂）"),

        new("report.longitudinal.title", "Change since the baseline study", "ベースライン検査からの変化"),
        new("report.longitudinal.baseline", "Baseline study {0}.", "ベースライン検査 {0}。"),
        new("report.longitudinal.index",
            "Normalisation index {0}: {1} of {2} regions abnormal at baseline (|z| > {3}) moved toward the control mean.",
            "正常化指数 {0}：ベースラインで異常（|z| > {3}）だった {2} 領域のうち {1} 領域が対照群の平均に近づきました。"),
        new("report.longitudinal.not-compared", "Not compared with the baseline study: {0}.", "ベースライン検査とは比較していません：{0}。"),
        new("report.longitudinal.no-index", "No region was abnormal at baseline, so there is no normalisation index.", "ベースラインで異常な領域がないため、正常化指数はありません。"),
        new("report.longitudinal.col.region", "Region", "領域"),
        new("report.longitudinal.col.baseline", "Baseline SUVR", "ベースライン SUVR"),
        new("report.longitudinal.col.follow-up", "Follow-up SUVR", "フォローアップ SUVR"),
        new("report.longitudinal.col.change", "Change", "変化"),
        new("report.longitudinal.col.change-percent", "Change %", "変化率 %"),
        new("report.longitudinal.figure", "Follow-up minus baseline SUVR (axial, coronal, sagittal)", "フォローアップ − ベースラインの SUVR（横断・冠状断・矢状断）"),

        new("report.versions.title", "Report versions", "レポートの版"),
        new("report.versions.col.version", "Version", "版"),
        new("report.versions.col.created", "Created", "作成日時"),
        new("report.versions.col.model", "Model", "モデル"),
        new("report.versions.col.series", "Series version", "シリーズの版"),
        new("report.versions.col.change", "What changed", "変更内容"),
        new("report.versions.none", "No version has been stored yet.", "保存された版はまだありません。"),
    ];
}
