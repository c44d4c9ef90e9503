namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts drawn into the report figures and their captions and alternative texts.</summary>
internal static class FigureCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("figure.view.axial", "Axial", "横断像"),
        new("figure.view.coronal", "Coronal", "冠状断像"),
        new("figure.view.sagittal", "Sagittal", "矢状断像"),
        new("figure.position", "{0} = {1:+0;−0;0} mm", "{0} = {1:+0;−0;0} mm"),
        new("figure.convention",
            "Radiological convention: the patient's right is on the viewer's left. Template space, coordinates in mm (LPS).",
            "放射線科表示：患者の右側を画面の左側に表示。テンプレート空間、座標は mm（LPS）。"),
        new("figure.outlines", "Thin lines: atlas region boundaries.", "細線：アトラス領域の境界。"),
        new("figure.overlay-outline", "Coloured line: template brain outline.", "色線：テンプレート脳の輪郭。"),
        new("figure.unit.suvr", "SUVR", "SUVR"),
        new("figure.unit.z", "z", "z"),
        new("figure.unit.change", "ΔSUVR", "ΔSUVR"),
        new("figure.unit.grey", "SUVR (grey)", "SUVR（グレー）"),
        new("figure.zchart.axis", "z-score against the normative database (shaded: normal range |z| ≤ 2)",
            "正常データベースに対する z スコア（網掛け：正常範囲 |z| ≤ 2）"),
        new("figure.forecast.axis", "Probability of response to ketamine (%)", "ケタミンへの反応確率（%）"),
        new("figure.forecast.value", "Forecast {0:0} %", "予測 {0:0} %"),
        new("figure.forecast.interval", "90 % interval {0:0}–{1:0} %", "90 % 区間 {0:0}–{1:0} %"),
        new("figure.caption.SuvrSlices", "SUVR in template space: axial, coronal and sagittal slices with atlas region outlines.",
            "テンプレート空間の SUVR：アトラス領域の輪郭付きの横断像・冠状断像・矢状断像。"),
        new("figure.caption.ZSlices", "Voxel-wise z-scores against the normative database (red: higher, blue: lower than controls).",
            "正常データベースに対するボクセル単位の z スコア（赤：対照より高い、青：低い）。"),
        new("figure.caption.ZOverview", "Axial z-score slices from inferior to superior; each slice's position in mm.",
            "下方から上方への横断 z スコア像。各断面の位置は mm で表示。"),
        new("figure.caption.RegistrationOverlay", "Template brain outline on the patient's SUVR image, to check the spatial normalisation by eye.",
            "患者の SUVR 画像上のテンプレート脳の輪郭：解剖学的標準化を目視で確認するための図。"),
        new("figure.caption.ChangeSlices", "Change in SUVR from the baseline study (follow-up minus baseline).",
            "ベースライン検査からの SUVR の変化（経過観察 − ベースライン）。"),
        new("figure.caption.ZScoreChart", "Regional z-scores; the shaded band is the normal range (|z| ≤ 2), points outside it are coloured.",
            "領域別 z スコア。網掛けは正常範囲（|z| ≤ 2）、範囲外の点は色付きで表示。"),
        new("figure.caption.ForecastInterval", "Forecast probability of response (marker) with its 90 % interval (bar).",
            "反応確率の予測値（マーカー）と 90 % 区間（バー）。"),
    ];
}
