namespace AmpaCds.Contracts.Messages;

/// <summary>
/// The identifying header fields of a completed series, as Intake read them from its first stored instance.
/// </summary>
/// <remarks>
/// Unlike the other messages this one carries patient identifiers, on purpose: the report shows them, and
/// the alternative was Reporting opening Intake's DICOM files, which ties it to Intake's storage. Only
/// Reporting subscribes to it; Quantification and Prediction work from keys and measurements alone. Intake
/// publishes it next to <see cref="PetSeriesReceived"/> with the same correlation id.
/// </remarks>
public sealed record StudyDemographicsCaptured(
    Guid CorrelationId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string PatientName,
    string PatientId,
    string StudyDate,
    string StudyDescription)
{
    /// <summary>
    /// Referring Physician's Name (0008,0090) as the header holds it: the gateway shows the study only to the
    /// psychiatrist it names (care-team access). Empty when the header has none.
    /// </summary>
    public string ReferringPhysicianName { get; init; } = "";

    /// <summary>Patient's Birth Date and Sex, Study Time, Accession Number and Study ID as the header holds them: the
    /// objects AmpaCds sends back to the PACS repeat the patient and study modules of the images they describe.</summary>
    public string PatientBirthDate { get; init; } = "";

    public string PatientSex { get; init; } = "";

    public string StudyTime { get; init; } = "";

    public string AccessionNumber { get; init; } = "";

    public string StudyId { get; init; } = "";

    /// <summary>SOP Class UID of the series' images (PET or Enhanced PET): the structured report references them by class and instance.</summary>
    public string SopClassUid { get; init; } = "";
}
