namespace AmpaCds.Reporting.Studies.Stored;

public sealed record StoredInterval(double Lower, double Upper);
