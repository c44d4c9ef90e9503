using AmpaCds.Domain;

namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>The cohort cannot be analysed (too few subjects in a group, an empty SUVR field); the message says what is missing.</summary>
public sealed class CohortAnalysisException(string message) : AmpaCdsException(message);
