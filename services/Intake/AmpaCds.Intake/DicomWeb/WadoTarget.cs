using Microsoft.AspNetCore.Http;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// What a WADO-RS path names: a study, a series of it, or one instance. The UIDs are checked before
/// they become blob keys, so a path segment can never reach outside studies/ (e.g. "..").
/// </summary>
public sealed record WadoTarget(string StudyUid, string? SeriesUid, string? SopInstanceUid)
{
    private const int MaxUidLength = 64;

    /// <summary>Throws a 400 <see cref="DicomWebRequestException"/> when a UID is not digits and dots (PS3.5 9.1).</summary>
    public static WadoTarget Parse(string study, string? series = null, string? sopInstance = null)
    {
        Check(study, "study");
        if (series is not null)
        {
            Check(series, "series");
        }
        if (sopInstance is not null)
        {
            Check(sopInstance, "SOP instance");
        }
        return new WadoTarget(study, series, sopInstance);
    }

    /// <summary>"study 1.2.3", "series 1.2.4 of study 1.2.3"...: UIDs only, so it is safe for logs (no patient data).</summary>
    public string Describe() =>
        SopInstanceUid is not null ? $"instance {SopInstanceUid} of series {SeriesUid} of study {StudyUid}"
        : SeriesUid is not null ? $"series {SeriesUid} of study {StudyUid}"
        : $"study {StudyUid}";

    public static bool IsUid(string text) =>
        text.Length is > 0 and <= MaxUidLength
        && text.All(character => character is '.' or (>= '0' and <= '9'))
        && text.Split('.').All(component => component.Length > 0);

    // The value itself is not echoed: it is client text and would go into the log unchecked.
    private static void Check(string uid, string level)
    {
        if (!IsUid(uid))
        {
            throw new DicomWebRequestException(StatusCodes.Status400BadRequest,
                $"the {level} UID in the path is not a UID (digits and dots, at most {MaxUidLength} characters)");
        }
    }
}
