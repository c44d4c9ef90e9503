namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>The partial-volume correction the regional values went through ("none", "gtm", "rbv") and the resolution it assumed.</summary>
public sealed record StoredPartialVolume(string Method, double? FwhmMm);
