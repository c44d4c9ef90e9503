namespace AmpaCds.Domain.Cohorts;

/// <summary>A cohort CSV that does not follow COHORT_SCHEMA.md; the message names the line and column.</summary>
public sealed class CohortCsvFormatException(string message) : AmpaCdsException(message);
