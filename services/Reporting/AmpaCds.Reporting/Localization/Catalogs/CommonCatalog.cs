namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts used on every surface: product name, intended use, units.</summary>
internal static class CommonCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("common.product", "AmpaCds", "AmpaCds"),
        new("common.intended-use",
            "Research use only. AmpaCds measures regional AMPA receptor density with [11C]K-2 PET and gives an exploratory forecast of response to ketamine in treatment-resistant depression. No prediction accuracy has been published for this approach; the forecast must not replace clinical judgement.",
            "研究用途のみ。AmpaCds は [11C]K-2 PET により領域別の AMPA 受容体密度を測定し、治療抵抗性うつ病におけるケタミン反応性の探索的な予測を示します。この手法の予測精度は公表されていません。予測は臨床判断に代わるものではありません。"),
        new("common.synthetic-model",
            "The forecasting model was trained on SYNTHETIC data, not on patients: its output demonstrates the pipeline only.",
            "予測モデルは患者データではなく合成（シミュレーション）データで学習されています。出力はパイプラインの動作例に過ぎません。"),
        new("common.synthetic-normals",
            "The normative database was built from SIMULATED controls: the z-scores are not clinical.",
            "正常データベースはシミュレーションによる対照群から作成されています。z スコアは臨床的な値ではありません。"),
        new("common.not-measured", "(not measured)", "（未測定）"),
    ];
}
