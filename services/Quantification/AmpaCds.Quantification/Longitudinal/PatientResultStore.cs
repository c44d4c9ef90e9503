using System.Text.Json;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Quantification.Longitudinal;

/// <summary>
/// Quantification's own small store of results per patient (blob keys
/// <c>quantification/patients/{patientKey}/{studyUid}.json</c>), to find a follow-up's baseline.
/// </summary>
public sealed class PatientResultStore(IBlobStore blobs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string patientKey, StoredStudyResult result, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result, Json);
        await blobs.PutAsync(Prefix(patientKey) + Sanitise(result.StudyInstanceUid) + ".json", bytes, cancellationToken);
    }

    /// <summary>
    /// The baseline of a study: the patient's earliest other study on the same atlas and reference region,
    /// dated no later than this one (undated studies are ordered by when they were measured).
    /// </summary>
    public async Task<StoredStudyResult?> FindBaselineAsync(string patientKey, StoredStudyResult current, CancellationToken cancellationToken)
    {
        var candidates = new List<StoredStudyResult>();
        foreach (var key in (await blobs.ListAsync(Prefix(patientKey), cancellationToken)).Where(key => key.EndsWith(".json", StringComparison.Ordinal)))
        {
            var stored = JsonSerializer.Deserialize<StoredStudyResult>(await blobs.GetAsync(key, cancellationToken), Json);
            if (stored is not null && stored.StudyInstanceUid != current.StudyInstanceUid
                && stored.ReferenceRegion == current.ReferenceRegion && stored.AtlasVersion == current.AtlasVersion
                && IsEarlier(stored, current))
            {
                candidates.Add(stored);
            }
        }
        return candidates.OrderBy(stored => stored.StudyDate ?? DateOnly.MaxValue).ThenBy(stored => stored.MeasuredAt).FirstOrDefault();
    }

    private static bool IsEarlier(StoredStudyResult stored, StoredStudyResult current) =>
        stored.StudyDate is { } a && current.StudyDate is { } b ? a < b || (a == b && stored.MeasuredAt < current.MeasuredAt) : stored.MeasuredAt < current.MeasuredAt;

    private static string Prefix(string patientKey) => $"quantification/patients/{patientKey}/";

    private static string Sanitise(string uid) => string.Concat(uid.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '_'));
}
