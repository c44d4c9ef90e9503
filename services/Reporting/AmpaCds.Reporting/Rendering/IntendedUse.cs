namespace AmpaCds.Reporting.Rendering;

public static class IntendedUse
{
    /// <summary>
    /// Shown on every report. No accuracy figure for AMPA-PET-based response prediction has been
    /// published (docs/SCIENCE.md), so the forecast may only ever be presented as exploratory.
    /// </summary>
    public const string Statement =
        "Research use only. AmpaCds measures regional AMPA receptor density with [11C]K-2 PET and gives an " +
        "exploratory forecast of response to ketamine in treatment-resistant depression. No prediction accuracy " +
        "has been published for this approach; the forecast must not replace clinical judgement.";

    public const string SyntheticModelWarning =
        "The forecasting model was trained on SYNTHETIC data, not on patients: its output demonstrates the pipeline only.";
}
