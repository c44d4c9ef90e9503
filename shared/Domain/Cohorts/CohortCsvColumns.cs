using System.Globalization;

namespace AmpaCds.Domain.Cohorts;

/// <summary>Column positions found in a cohort CSV header, and the parsing of one record against them.</summary>
internal sealed class CohortCsvColumns
{
    private static readonly string[] Required =
        ["subject_id", "group", "age", "sex", "baseline_madrs", "arm", "followup_madrs", "madrs_change_percent", "responder", "remitter"];

    private readonly Dictionary<string, int> _index;
    private readonly List<(string Region, int Index)> _regions;
    private readonly List<(string Region, int Index)> _followUpRegions;
    private readonly int _width;

    public CohortCsvColumns(IReadOnlyList<string> header)
    {
        _width = header.Count;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (!_index.TryAdd(header[i].Trim(), i))
            {
                throw new CohortCsvFormatException($"Header repeats column '{header[i]}'.");
            }
        }

        var missing = Required.Where(column => !_index.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            throw new CohortCsvFormatException($"Header lacks required columns: {string.Join(", ", missing)}.");
        }

        _regions = ColumnsWithPrefix(CohortCsv.SuvrColumnPrefix);
        _followUpRegions = ColumnsWithPrefix(CohortCsv.FollowUpSuvrColumnPrefix);
        if (_regions.Count == 0)
        {
            throw new CohortCsvFormatException($"Header has no '{CohortCsv.SuvrColumnPrefix}<region>' columns.");
        }
    }

    public CohortRow Parse(IReadOnlyList<string> fields, int lineNumber)
    {
        if (fields.Count != _width)
        {
            throw new CohortCsvFormatException($"Line {lineNumber}: {fields.Count} fields, the header has {_width}.");
        }

        string column = "";
        try
        {
            string Field(string name) => fields[_index[column = name]].Trim();
            Dictionary<string, double> Suvr(List<(string Region, int Index)> columns, string prefix)
            {
                var values = new Dictionary<string, double>();
                foreach (var (region, index) in columns)
                {
                    column = prefix + region;
                    if (fields[index].Trim() is { Length: > 0 } text)
                    {
                        values[region] = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                    }
                }

                return values;
            }

            var suvr = Suvr(_regions, CohortCsv.SuvrColumnPrefix);
            // A row without a follow-up scan (controls) leaves these fields empty: null, like a file without the columns.
            var followUp = Suvr(_followUpRegions, CohortCsv.FollowUpSuvrColumnPrefix);

            return new CohortRow(
                Field("subject_id"), CohortCsvTokens.ParseGroup(Field("group")), ParseInt(Field("age")),
                CohortCsvTokens.ParseSex(Field("sex")), ParseInt(Field("baseline_madrs")), CohortCsvTokens.ParseArm(Field("arm")), suvr,
                Field("followup_madrs") is { Length: > 0 } f ? ParseInt(f) : null,
                Field("madrs_change_percent") is { Length: > 0 } c ? double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
                Field("responder") is { Length: > 0 } r ? CohortCsvTokens.ParseBoolean(r) : null,
                Field("remitter") is { Length: > 0 } m ? CohortCsvTokens.ParseBoolean(m) : null,
                followUp.Count > 0 ? followUp : null);
        }
        catch (FormatException e)
        {
            throw new CohortCsvFormatException($"Line {lineNumber}, column '{column}': {e.Message}");
        }
    }

    private List<(string Region, int Index)> ColumnsWithPrefix(string prefix) => _index
        .Where(kv => kv.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        .Select(kv => (kv.Key[prefix.Length..], kv.Value))
        .OrderBy(column => column.Value)
        .ToList();

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
