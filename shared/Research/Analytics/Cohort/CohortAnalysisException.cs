namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>The cohort cannot be analysed (too few subjects in a group); the message says what is missing.</summary>
public sealed class CohortAnalysisException(string message) : Exception(message);
