using System.Globalization;

namespace AmpaCds.Domain.Cohorts;

/// <summary>Column positions found in a cohort CSV header, and the parsing of one record against them.</summary>
internal sealed class CohortCsvColumns
{
    private static readonly string[] Required =
        ["subject_id", "group", "age", "sex", "baseline_madrs", "arm", "followup_madrs", "madrs_change_percent", "responder", "remitter"];

    private readonly Dictionary<string, int> _index;
    private readonly List<(string Region, int Index)> _regions;
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

        _regions = _index
            .Where(kv => kv.Key.StartsWith(CohortCsv.SuvrColumnPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(kv => (kv.Key[CohortCsv.SuvrColumnPrefix.Length..], kv.Value))
            .OrderBy(column => column.Value)
            .ToList();
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
            var suvr = new Dictionary<string, double>();
            foreach (var (region, index) in _regions)
            {
                column = CohortCsv.SuvrColumnPrefix + region;
                if (fields[index].Trim() is { Length: > 0 } text)
                {
                    suvr[region] = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }

            return new CohortRow(
                Field("subject_id"), CohortCsvTokens.ParseGroup(Field("group")), ParseInt(Field("age")),
                CohortCsvTokens.ParseSex(Field("sex")), ParseInt(Field("baseline_madrs")), CohortCsvTokens.ParseArm(Field("arm")), suvr,
                Field("followup_madrs") is { Length: > 0 } f ? ParseInt(f) : null,
                Field("madrs_change_percent") is { Length: > 0 } c ? double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
                Field("responder") is { Length: > 0 } r ? CohortCsvTokens.ParseBoolean(r) : null,
                Field("remitter") is { Length: > 0 } m ? CohortCsvTokens.ParseBoolean(m) : null);
        }
        catch (FormatException e)
        {
            throw new CohortCsvFormatException($"Line {lineNumber}, column '{column}': {e.Message}");
        }
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
