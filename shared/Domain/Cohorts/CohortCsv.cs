using System.Globalization;
using AmpaCds.Domain.Regions;

namespace AmpaCds.Domain.Cohorts;

/// <summary>Writes and reads the cohort CSV described in COHORT_SCHEMA.md (invariant culture, one subject per line).</summary>
public static class CohortCsv
{
    public const string SuvrColumnPrefix = "suvr_";

    /// <summary>Optional columns after the outcome columns: written only when some row has a follow-up scan.</summary>
    public const string FollowUpSuvrColumnPrefix = "followup_suvr_";

    private static readonly string[] LeadingColumns = ["subject_id", "group", "age", "sex", "baseline_madrs", "arm"];
    private static readonly string[] TrailingColumns = ["followup_madrs", "madrs_change_percent", "responder", "remitter"];
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, IEnumerable<CohortRow> rows)
    {
        using var writer = new StreamWriter(path);
        Write(writer, rows);
    }

    /// <summary>Region columns: the shared regions in <see cref="RegionIds.All"/> order, then any others by name.</summary>
    public static void Write(TextWriter writer, IEnumerable<CohortRow> rows)
    {
        var list = rows.ToList();
        var regions = RegionColumnsOf(list, row => row.BaselineSuvr);
        var followUpRegions = RegionColumnsOf(list, row => row.FollowUpSuvr ?? EmptySuvr);
        writer.WriteLine(CsvFields.Join(
            [.. LeadingColumns, .. regions.Select(r => SuvrColumnPrefix + r), .. TrailingColumns, .. followUpRegions.Select(r => FollowUpSuvrColumnPrefix + r)]));
        foreach (var row in list)
        {
            var suvr = regions.Select(region => row.BaselineSuvr.TryGetValue(region, out var value) ? Number(value) : "");
            var followUp = followUpRegions.Select(region => row.FollowUpSuvr is { } f && f.TryGetValue(region, out var value) ? Number(value) : "");
            writer.WriteLine(CsvFields.Join(
            [
                row.SubjectId, CohortCsvTokens.Group(row.Group), Number(row.Age), CohortCsvTokens.Sex(row.Sex),
                Number(row.BaselineMadrs), CohortCsvTokens.Arm(row.Arm), .. suvr,
                Optional(row.FollowUpMadrs), Optional(row.MadrsChangePercent), Optional(row.Responder), Optional(row.Remitter), .. followUp,
            ]));
        }
    }

    public static IReadOnlyList<CohortRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static IReadOnlyList<CohortRow> Read(TextReader reader)
    {
        var header = CsvFields.Split(reader.ReadLine() ?? throw new CohortCsvFormatException("The cohort CSV is empty."));
        var columns = new CohortCsvColumns(header);
        var rows = new List<CohortRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > 0)
            {
                rows.Add(columns.Parse(CsvFields.Split(line), lineNumber));
            }
        }

        return rows;
    }

    private static readonly IReadOnlyDictionary<string, double> EmptySuvr = new Dictionary<string, double>();

    private static List<string> RegionColumnsOf(IReadOnlyList<CohortRow> rows, Func<CohortRow, IReadOnlyDictionary<string, double>> suvrOf)
    {
        var present = rows.SelectMany(row => suvrOf(row).Keys).ToHashSet(StringComparer.Ordinal);
        var shared = RegionIds.All.Where(present.Contains);
        var others = present.Except(RegionIds.All).Order(StringComparer.Ordinal);
        return [.. shared, .. others];
    }

    // "R"-free: .NET Core formats doubles as the shortest string that parses back to the same value.
    private static string Number(double value) => value.ToString(Invariant);

    private static string Number(int value) => value.ToString(Invariant);

    private static string Optional(int? value) => value is { } v ? Number(v) : "";

    private static string Optional(double? value) => value is { } v ? Number(v) : "";

    private static string Optional(bool? value) => value is { } v ? CohortCsvTokens.Boolean(v) : "";
}
