namespace AmpaCds.Domain.Clinical;

/// <summary>
/// Outcome conventions (SCIENCE.md): response = at least 50% MADRS reduction; remission = MADRS at or below
/// 10 (some trials use 12). Both configurable.
/// </summary>
public sealed record OutcomeCriteria
{
    public double ResponseMinimumReductionPercent { get; init; } = 50;
    public int RemissionMaximumMadrs { get; init; } = 10;

    public static OutcomeCriteria Default { get; } = new();

    /// <summary>Signed relative change: negative values are improvement (-50 = MADRS halved).</summary>
    public static double ChangePercent(int baselineMadrs, int followUpMadrs) =>
        baselineMadrs > 0
            ? 100.0 * (followUpMadrs - baselineMadrs) / baselineMadrs
            : throw new ArgumentOutOfRangeException(nameof(baselineMadrs), "A relative change needs a baseline MADRS above zero.");

    public bool IsResponder(double madrsChangePercent) => madrsChangePercent <= -ResponseMinimumReductionPercent;

    public bool IsRemitter(int followUpMadrs) => followUpMadrs <= RemissionMaximumMadrs;
}
