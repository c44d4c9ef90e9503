namespace AmpaCds.Quantification.Maps;

/// <summary>
/// The map names of the API path (suvr, z, change) and the names the pipeline stores them under. The path
/// names are the API's contract; the stored names are Quantification's own and may change without callers knowing.
/// </summary>
public static class ServedMapNames
{
    public static bool TryParse(string? name, out ServedMap map)
    {
        switch (name)
        {
            case "suvr":
                map = ServedMap.Suvr;
                return true;
            case "z":
                map = ServedMap.Z;
                return true;
            case "change":
                map = ServedMap.Change;
                return true;
            default:
                map = default;
                return false;
        }
    }

    public static string PathName(ServedMap map) => map switch
    {
        ServedMap.Suvr => "suvr",
        ServedMap.Z => "z",
        ServedMap.Change => "change",
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
    };

    /// <summary>The name <see cref="Pipeline.ParametricMapWriter"/> stores the map under.</summary>
    public static string StoredName(ServedMap map) => map switch
    {
        ServedMap.Suvr => "suvr",
        ServedMap.Z => "z",
        ServedMap.Change => "suvr-change",
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
    };
}
