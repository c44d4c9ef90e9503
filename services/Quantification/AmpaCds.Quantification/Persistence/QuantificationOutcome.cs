namespace AmpaCds.Quantification.Persistence;

/// <summary>The stored outcomes of a run (QuantifiedInputs.Outcome).</summary>
public static class QuantificationOutcome
{
    public const string Measured = "measured";
    public const string Failed = "failed";
}
