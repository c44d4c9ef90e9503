using System.Text;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Rendering;

/// <summary>The forecast with its uncertainty, what drove it, and what the model is.</summary>
internal static class ForecastHtml
{
    public static void Append(StringBuilder html, StoredForecast forecast)
    {
        Html.Section(html, "Forecast (exploratory)",
            Html.Row("Probability of response (≥50 % MADRS reduction)", Html.Percent(forecast.ResponseProbability)
                + Range(forecast.ResponseProbabilityInterval90, Html.Percent)),
            Html.Row("Expected MADRS change (negative = improvement)", $"{Html.Number(forecast.ExpectedMadrsChangePercent, "F1")} %"
                + Range(forecast.ExpectedMadrsChangeInterval90, value => $"{Html.Number(value, "F1")} %")),
            Html.Row("Calibration", forecast.CalibrationMethod ?? "none"),
            Html.Row("Model version", forecast.ModelVersion),
            Html.Row("Model card", forecast.ModelCardSummary ?? "(not given)"));
        if (forecast.TopContributions is not { Count: > 0 } contributions)
        {
            return;
        }
        html.Append("<h3>What drove this forecast</h3>");
        Html.TableHeader(html, "Region", "Patient vs training cohort (SD)", "Effect on log-odds of response", "Direction");
        foreach (var contribution in contributions)
        {
            Html.TableRow(html, Html.RegionLabel(contribution.Feature), Html.Signed(contribution.StandardisedDeviation),
                Html.Signed(contribution.LogitContribution), contribution.LogitContribution >= 0 ? "toward response" : "away from response");
        }
        html.Append("</table>");
    }

    private static string Range(StoredInterval? interval, Func<double, string> format) =>
        interval is null ? "" : $" (90 % interval {format(interval.Lower)} to {format(interval.Upper)})";
}
