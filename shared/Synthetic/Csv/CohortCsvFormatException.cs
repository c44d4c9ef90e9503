namespace AmpaCds.Synthetic;

/// <summary>A cohort CSV that does not follow COHORT_SCHEMA.md; the message names the line and column.</summary>
public sealed class CohortCsvFormatException(string message) : Exception(message);
