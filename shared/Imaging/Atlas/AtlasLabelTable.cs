using System.Globalization;

namespace AmpaCds.Imaging.Atlas;

/// <summary>
/// A site atlas's label table: one region per line, "LABEL NAME [anything else]" separated by
/// whitespace, comma or tab (the AAL3 <c>.nii.txt</c> layout "1 Precentral_L 2001" fits). Blank lines
/// and lines starting with '#' are skipped; a header line whose first field is not a number is skipped too.
/// </summary>
public static class AtlasLabelTable
{
    public static IReadOnlyList<AtlasRegion> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var regions = new List<AtlasRegion>();
        var seenLabels = new HashSet<int>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (string line in lines)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            string[] fields = trimmed.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (!int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
            {
                if (regions.Count == 0)
                {
                    continue; // header
                }
                throw new FormatException($"label table line {lineNumber}: '{fields[0]}' is not a label number");
            }
            if (fields.Length < 2)
            {
                throw new FormatException($"label table line {lineNumber}: label {label} has no name");
            }
            if (label is < 1 or > 255)
            {
                throw new FormatException($"label table line {lineNumber}: label {label} is outside 1-255");
            }
            if (!seenLabels.Add(label) || !seenNames.Add(fields[1]) || fields[1] == BrainAtlas.WholeBrainName)
            {
                throw new FormatException($"label table line {lineNumber}: label {label} or name '{fields[1]}' is repeated or reserved");
            }
            regions.Add(new AtlasRegion(label, fields[1]));
        }
        return regions.Count > 0 ? regions : throw new FormatException("the label table lists no regions");
    }
}
