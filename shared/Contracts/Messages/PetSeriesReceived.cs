namespace AmpaCds.Contracts.Messages;

/// <summary>Intake stored a complete PET series durably. Carries keys only: no pixels, no demographics.</summary>
/// <param name="SeriesBlobPrefix">Blob-store prefix under which every instance of the series is stored.</param>
/// <param name="CompletionReason">"number-of-slices" when (0054,0081) instances arrived, "quiet-period" otherwise.</param>
public sealed record PetSeriesReceived(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SeriesBlobPrefix,
    int InstanceCount,
    string CompletionReason,
    DateTimeOffset CompletedAt)
{
    /// <summary>
    /// SHA-256 (hex) over the series' instances: each SOP Instance UID with the SHA-256 of its stored bytes, in UID order.
    /// The same instances sent again give the same hash; downstream services key their versions on it.
    /// </summary>
    public string InputHash { get; init; } = "";

    /// <summary>1 for the first content Intake announced for this series, +1 for each announcement whose content changed.</summary>
    public int SeriesVersion { get; init; } = 1;

    /// <summary>What changed against the previous version, e.g. "first version" or "2 instances replaced, 1 added".</summary>
    public string ChangeSummary { get; init; } = "";

    /// <summary>SOP Instance UIDs of the series version, in UID order: the structured report sent back to the PACS
    /// references the images it measured. UIDs only, no patient identifiers.</summary>
    public IReadOnlyList<string> SopInstanceUids { get; init; } = [];
}
