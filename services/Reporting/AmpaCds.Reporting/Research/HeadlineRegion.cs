namespace AmpaCds.Reporting.Research;

/// <summary>One region of the TRD vs healthy comparison: the difference's sign, Hedges' g with its 95 % interval, q (and q adjusted for age and sex).</summary>
public sealed record HeadlineRegion(string Region, double Difference, double G, double GLower, double GUpper, double Q, double? AdjustedQ)
{
    /// <summary>The q the significance is read from: adjusted when the analysis had covariates (as the summary page does).</summary>
    public double SignificanceQ => AdjustedQ ?? Q;
}
