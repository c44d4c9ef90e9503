namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>One region's Pearson and Spearman correlation, each with its Fisher-z 95 % interval, p and BH q over regions.</summary>
public sealed record CorrelationRow(
    string Region, int Count, double PearsonR, double PearsonLower, double PearsonUpper, double PearsonP, double PearsonQ,
    double SpearmanRho, double SpearmanLower, double SpearmanUpper, double SpearmanP, double SpearmanQ);
