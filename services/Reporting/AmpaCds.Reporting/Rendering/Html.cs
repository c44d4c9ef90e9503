using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace AmpaCds.Reporting.Rendering;

/// <summary>Small HTML building blocks; every value passes through HtmlEncode here and nowhere else.</summary>
internal static class Html
{
    public static string Number(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    public static string Signed(double value, string format = "F2") =>
        (value > 0 ? "+" : value < 0 ? "-" : "") + Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);

    public static string Row(string label, string value) => $"<tr><th>{HtmlEncode(label)}</th><td>{HtmlEncode(value)}</td></tr>";

    public static void Section(StringBuilder html, string title, params string[] rows) =>
        html.Append("<h2>").Append(HtmlEncode(title)).Append("</h2><table class=\"facts\">").AppendJoin("", rows).Append("</table>");

    public static void Note(StringBuilder html, string text, string cssClass = "warn") =>
        html.Append("<p class=\"").Append(cssClass).Append("\">").Append(HtmlEncode(text)).Append("</p>");

    public static void TableRow(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(HtmlEncode(cell)).Append("</td>");
        }
        html.Append("</tr>");
    }

    public static void TableHeader(StringBuilder html, params string[] headers)
    {
        html.Append("<table><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(HtmlEncode(header)).Append("</th>");
        }
        html.Append("</tr>");
    }

    public static string RegionLabel(string name) => name.Replace("suvr_", "", StringComparison.Ordinal).Replace('_', ' ');
}
