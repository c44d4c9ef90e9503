using System.Text;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Rendering;

/// <summary>Spatial normalisation quality, the regional table with z-scores, and change against a baseline.</summary>
internal static class UptakeHtml
{
    public static void Append(StringBuilder html, StoredUptake uptake)
    {
        var quality = uptake.Registration;
        Html.Section(html, "Spatial normalisation",
            Html.Row("Similarity to template (NCC)", Html.Number(quality.Similarity)
                + (quality.MinimumSimilarity is { } minimum ? $" (pass at ≥ {Html.Number(minimum, "F2")})" : "")),
            Html.Row("Result", quality.Passed ? "passed" : "FAILED"),
            Html.Row("Brain inside field of view", quality.Overlap is { } overlap ? Html.Percent(overlap) : "(not measured)"),
            Html.Row("Scale factors (x, y, z)", quality is { ScaleX: { } x, ScaleY: { } y, ScaleZ: { } z }
                ? $"{Html.Number(x)}, {Html.Number(y)}, {Html.Number(z)}" : "(not measured)"),
            Html.Row("Detail", quality.Detail),
            Html.Row("Atlas", uptake.AtlasVersion),
            Html.Row("SUVR reference region", uptake.ReferenceRegion),
            Html.Row("Reference SUV mean", Html.Number(uptake.ReferenceSuvMean)));
        AppendRegions(html, uptake);
        if (uptake.Longitudinal is { } change)
        {
            AppendChange(html, change);
        }
    }

    private static void AppendRegions(StringBuilder html, StoredUptake uptake)
    {
        var database = uptake.NormativeDatabase;
        html.Append("<h2>Regional AMPA receptor density</h2>");
        if (database is not null)
        {
            Html.Note(html, $"z-scores against normative database {database.Version} ({database.Controls} controls"
                + (database.AgeAdjusted ? ", age-adjusted" : "") + ")."
                + (database.Synthetic ? " The database was built from SIMULATED controls: the z-scores are not clinical." : "")
                + (database.ZScoreIncompatibility is { } why ? $" No z-scores: {why}." : ""), database.Synthetic ? "warn" : "note");
        }
        Html.TableHeader(html, "Region", "SUV mean (g/mL)", "SUVR", "z-score", "Voxels", "Coverage");
        foreach (var region in uptake.Regions)
        {
            Html.TableRow(html, Html.RegionLabel(region.Name), Html.Number(region.SuvMean), Html.Number(region.Suvr),
                region.ZScore is { } z ? Html.Signed(z) : "–", region.Voxels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Html.Percent(region.Coverage));
        }
        html.Append("</table>");
    }

    private static void AppendChange(StringBuilder html, StoredLongitudinalChange change)
    {
        html.Append("<h2>Change since the baseline study</h2>");
        Html.Note(html, $"Baseline study {change.BaselineStudyInstanceUid}. "
            + (change.NormalisationIndex is { } index
                ? $"Normalisation index {Html.Percent(index)}: {change.RegionsMovedTowardNormal} of {change.BaselineAbnormalRegions} regions abnormal at baseline (|z| > {Html.Number(change.AbnormalZThreshold, "F1")}) moved toward the control mean."
                : "No region was abnormal at baseline, so no normalisation index."), "note");
        Html.TableHeader(html, "Region", "Baseline SUVR", "Follow-up SUVR", "Change", "Change %");
        foreach (var region in change.Regions)
        {
            Html.TableRow(html, Html.RegionLabel(region.Name), Html.Number(region.BaselineSuvr), Html.Number(region.FollowUpSuvr),
                Html.Signed(region.SuvrChange, "F3"), $"{Html.Number(region.SuvrChangePercent, "F1")} %");
        }
        html.Append("</table>");
    }
}
