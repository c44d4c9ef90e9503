using System.Globalization;

namespace AmpaCds.Reporting.Research;

/// <summary>How the research page writes its statistics: invariant digits in either language, as the CLI's tables do.</summary>
public static class ResearchNumbers
{
    /// <summary>An effect with its 95 % interval, signed to two decimals: "+0.66 [+0.21, +1.11]".</summary>
    public static string Effect(double value, double lower, double upper) => $"{Signed(value)} [{Signed(lower)}, {Signed(upper)}]";

    /// <summary>A q to two significant digits: "0.017", "7.2E-05".</summary>
    public static string Q(double q) => q.ToString("G2", CultureInfo.InvariantCulture);

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("F2", CultureInfo.InvariantCulture);
}
