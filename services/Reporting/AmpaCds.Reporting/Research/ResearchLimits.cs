namespace AmpaCds.Reporting.Research;

/// <summary>
/// How large a published analysis may be. A study-sized analysis is about 0.5 MB (six plots of 50-100 kB, a result
/// JSON of 60 kB); the limits leave room for a larger cohort while keeping one row a few megabytes. The gRPC
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
