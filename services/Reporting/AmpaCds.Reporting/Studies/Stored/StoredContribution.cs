namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>A region's contribution to the forecast (positive = toward response).</summary>
public sealed record StoredContribution(string Feature, double LogitContribution, double StandardisedDeviation);
