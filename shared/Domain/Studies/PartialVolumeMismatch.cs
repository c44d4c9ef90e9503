using System.Globalization;

namespace AmpaCds.Domain.Studies;

/// <summary>
/// Whether values measured with one partial-volume correction may be compared with statistics or a model built with
/// another: only the same method, and for a correction the same resolution within <see cref="FwhmToleranceMm"/>.
/// A missing method counts as none (records written before the field existed). It lives in the domain because Quantification's normative
/// databases and Prediction's models apply the same rule.
/// </summary>
public static class PartialVolumeMismatch
{
    /// <summary>Half a millimetre of assumed resolution changes small regions' corrected values by about 1 %; more is a different correction.</summary>
    public const double FwhmToleranceMm = 0.5;

    private const string NoneName = "none";

    /// <returns>Why the two cannot be compared, or null when they can.</returns>
    /// <param name="builtVerb">How the other side got its values: "was built" for databases and models, "was measured" for a baseline study.</param>
    public static string? Describe(string builtWhat, string? builtMethod, double? builtFwhmMm, string? studyMethod, double? studyFwhmMm,
        string builtVerb = "was built")
    {
        var built = Normalise(builtMethod);
        var study = Normalise(studyMethod);
        if (built != study)
        {
            return $"{builtWhat} {builtVerb} with partial-volume correction '{built}', the study was measured with '{study}'";
        }

        return built != NoneName && builtFwhmMm is { } bf && studyFwhmMm is { } sf && Math.Abs(bf - sf) > FwhmToleranceMm
            ? string.Create(CultureInfo.InvariantCulture, $"{builtWhat} {builtVerb} with partial-volume correction '{built}' at {bf:0.0} mm FWHM, the study at {sf:0.0} mm")
            : null;
    }

    private static string Normalise(string? method) => string.IsNullOrWhiteSpace(method) ? NoneName : method.Trim().ToLowerInvariant();
}
