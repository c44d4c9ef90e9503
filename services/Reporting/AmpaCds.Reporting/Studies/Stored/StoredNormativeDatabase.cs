namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>Which normative database the z-scores came from.</summary>
public sealed record StoredNormativeDatabase(string Version, bool Synthetic, int Controls, bool AgeAdjusted, string? ZScoreIncompatibility);
