namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// The clinical inputs a psychiatrist confirmed when requesting a forecast: kept with the study so the follow-up
/// outcome can be recorded against the same baseline, and shown on the report beside the forecast.
/// </summary>
/// <param name="Sex">"female", "male" or "" (unknown), as the outcomes loop takes it.</param>
public sealed record StoredClinicalInputs(int BaselineMadrs, int? Age, string Sex, string EnteredBy, DateTimeOffset EnteredAt);
