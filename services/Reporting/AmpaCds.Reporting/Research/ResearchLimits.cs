namespace AmpaCds.Reporting.Research;

/// <summary>
/// How large a published analysis may be. The study-sized analysis (83 subjects, covariates) is 0.35 MB: six plots of
/// about 50 kB, a result JSON of 56 kB, a summary of 4 kB. The limits leave room for larger cohorts and plots. The gRPC
/// service accepts messages up to <see cref="MaxRequestBytes"/>, so a request over these limits is answered with
/// INVALID_ARGUMENT naming the part, not cut off by the transport.
/// </summary>
public static class ResearchLimits
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryHtmlBytes = 1024 * 1024;
    public const int MaxResultJsonBytes = 4 * 1024 * 1024;
    public const int MaxPlotBytes = 2 * 1024 * 1024;
    public const int MaxPlots = 16;
    public const int MaxTotalBytes = 16 * 1024 * 1024;

    /// <summary>The ResearchApi's gRPC receive limit: above <see cref="MaxTotalBytes"/> plus the message framing.</summary>
    public const int MaxRequestBytes = MaxTotalBytes + (1024 * 1024);

    public const int DefaultListLimit = 50;
    public const int MaxListLimit = 500;
}
