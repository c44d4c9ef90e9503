using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AmpaCds.Cli.Output;

namespace AmpaCds.Cli.Analysis;

/// <summary>
/// Writes each analysis table as CSV and JSON. Columns are the row record's properties in declaration order, in
/// snake_case, so the table and its documentation (docs/ANALYTICS.md) follow the code without a second list.
/// </summary>
public static class AnalysisTables
{
    public static void Write(AnalysisSection section, string folder)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Rows is not { Count: > 0 } rows)
        {
            return;
        }

        WriteCsv(rows, Path.Combine(folder, section.Name + ".csv"));
        File.WriteAllText(Path.Combine(folder, section.Name + ".json"), JsonSerializer.Serialize(rows, JsonOutput.Options));
    }

    /// <summary>Records of one type as CSV: a header of their property names, one line per record (an empty list still gets the header of <typeparamref name="T"/>).</summary>
    public static void WriteCsv<T>(IReadOnlyList<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var type = rows.Count > 0 && rows[0] is { } first ? first.GetType() : typeof(T);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', properties.Select(property => SnakeCase(property.Name))));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', properties.Select(property => Field(property.GetValue(row)))));
        }

        File.WriteAllText(path, csv.ToString());
    }

    // Shortest round-trip form: the CSV carries the exact doubles the tests compare against scipy.
    private static string Field(object? value) => value switch
    {
        null => "",
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
