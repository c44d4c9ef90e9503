namespace AmpaCds.Reporting.Operations;

/// <summary>One service's readiness as its /health/ready answered (or why it did not answer), with each check.</summary>
public sealed record ServiceReadiness(string Name, string Status, IReadOnlyList<ReadinessCheck> Checks, string? Error);

/// <summary>One health check: its name, status and description (no patient data: checks describe infrastructure).</summary>
public sealed record ReadinessCheck(string Name, string Status, string Description);
