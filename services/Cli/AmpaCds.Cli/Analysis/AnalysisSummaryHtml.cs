using System.Globalization;
using System.Net;
using System.Text;
using AmpaCds.Reporting.Localization;
using AmpaCds.Research.Analytics.Cohort;

namespace AmpaCds.Cli.Analysis;

/// <summary>A one-page summary: cohort counts, then per analysis its plot and the FDR-significant regions with their effect.</summary>
public static class AnalysisSummaryHtml
{
    public const string FileName = "summary.html";

    public static string Render(CohortAnalysisResult result, IReadOnlyList<AnalysisSection> sections, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sections);
        string T(string key) => WebUtility.HtmlEncode(UiText.Get(key, language));
        var culture = language.Culture();
        var c = result.Counts;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\"><title>{T("analysis.title")}</title>")
            .Append("<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child{text-align:left}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{T("analysis.title")}</h1><p><strong>{T("analysis.research-only")}</strong></p>")
            .Append(CultureInfo.InvariantCulture, $"<p id=\"counts\">{WebUtility.HtmlEncode(UiText.Format("analysis.counts", language, c.Healthy, c.Trd, c.Ketamine, c.Placebo, c.KetamineWithFollowUp, c.PlaceboWithFollowUp))}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(UiText.Format("analysis.fdr", language, result.FdrLevel))}</p>");
        if (result.Covariates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{T("analysis.covariates")}</p>");
        }

        foreach (var section in sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{section.Name}\"><h2>{T(section.TitleKey)}</h2>");
            if (section.Rows is null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{T("analysis.skipped")}</p></section>");
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{section.Name}.png\" width=\"{AnalysisPlots.Width}\" alt=\"{T(section.TitleKey)}\">");
            var significant = section.Effects.Where(effect => effect.Q < result.FdrLevel).ToList();
            if (significant.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{T("analysis.none-significant")}</p></section>");
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<h3>{T("analysis.significant")}</h3><table><tr><th>{T("analysis.region")}</th><th>{T(section.EffectKey)}</th><th>{T("analysis.interval")}</th><th>q</th></tr>");
            foreach (var effect in significant)
            {
                html.Append(culture, $"<tr><td>{WebUtility.HtmlEncode(UiText.Region(effect.Region, language))}</td><td>{effect.Value:F2}</td><td>{effect.Lower:F2} – {effect.Upper:F2}</td><td>{effect.Q:G2}</td></tr>");
            }

            html.Append("</table></section>");
        }

        foreach (var note in result.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{WebUtility.HtmlEncode(note)}</p>");
        }

        return html.Append(CultureInfo.InvariantCulture, $"<p>{T("analysis.tables")}</p></body></html>").ToString();
    }
}
