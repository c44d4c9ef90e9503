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
    string StudyDescription);
