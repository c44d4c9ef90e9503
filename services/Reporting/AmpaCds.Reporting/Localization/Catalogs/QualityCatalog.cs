namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>The quality panel and the unreliable-input banner.</summary>
internal static class QualityCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("quality.title", "Quality control", "品質管理"),
        new("quality.banner",
            "Unreliable input: at least one quality check failed. The forecast is withheld; review the images and repeat the scan or the analysis.",
            "入力の信頼性が不十分です：品質チェックに不合格の項目があります。予測は表示しません。画像を確認し、撮像または解析をやり直してください。"),
        new("quality.passed", "passed", "合格"),
        new("quality.failed", "FAILED", "不合格"),
        new("quality.registration", "Spatial normalisation", "解剖学的標準化"),
        new("quality.registration.passed", "similarity to the template {0:F3} (pass at ≥ {1:F2})", "テンプレートとの類似度 {0:F3}（合格基準 ≥ {1:F2}）"),
        new("quality.registration.failed", "similarity to the template {0:F3} is below the pass mark {1:F2}", "テンプレートとの類似度 {0:F3} が合格基準 {1:F2} を下回っています"),
        new("quality.field-of-view", "Brain inside the field of view", "撮像視野内の脳の割合"),
        new("quality.field-of-view.detail", "{0:P0} of the template brain (needs ≥ {1:P0})", "テンプレート脳の {0:P0}（必要 ≥ {1:P0}）"),
        new("quality.region-coverage", "Regional coverage", "領域の被覆率"),
        new("quality.region-coverage.all", "every region at least {0:P0} inside the field of view", "すべての領域が {0:P0} 以上撮像視野内にあります"),
        new("quality.region-coverage.missing", "regions under {0:P0} coverage: {1}", "被覆率 {0:P0} 未満の領域：{1}"),
        new("quality.reference", "Reference region", "参照領域"),
        new("quality.reference.detail", "{0}: mean SUV {1:F3}, coverage {2:P0}", "{0}：平均 SUV {1:F3}、被覆率 {2:P0}"),
        new("quality.reference.detail-composite", "{0}: mean SUV {1:F3}", "{0}：平均 SUV {1:F3}"),
        new("quality.similarity", "Similarity to template (NCC)", "テンプレートとの類似度（NCC）"),
        new("quality.scales", "Scale factors (x, y, z)", "スケール係数（x, y, z）"),
        new("quality.atlas", "Atlas", "アトラス"),
        new("quality.scanner", "Scanner", "装置"),
        new("quality.reconstruction", "Reconstruction", "再構成"),
        new("quality.radiopharmaceutical", "Radiopharmaceutical", "放射性医薬品"),
        new("quality.injected-activity", "Injected activity", "投与放射能量"),
        new("quality.uptake-time", "Time from injection", "投与後の経過時間"),
        new("quality.overlay", "Registration overlay: template outline on the patient's SUVR image", "位置合わせの確認：患者の SUVR 画像上のテンプレート輪郭"),
    ];
}
