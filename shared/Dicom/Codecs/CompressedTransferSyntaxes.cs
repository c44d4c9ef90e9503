namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Names and lossiness of the encapsulated transfer syntaxes a PACS may send (PS3.6 Annex A), so a refusal
/// can say what arrived and why it cannot be used, not just quote a UID.
/// </summary>
public static class CompressedTransferSyntaxes
{
    public const string RleLossless = "1.2.840.10008.1.2.5";
    public const string JpegBaseline = "1.2.840.10008.1.2.4.50";
    public const string JpegExtended = "1.2.840.10008.1.2.4.51";
    public const string JpegLossless = "1.2.840.10008.1.2.4.57";
    public const string JpegLosslessSv1 = "1.2.840.10008.1.2.4.70";
    public const string JpegLsLossless = "1.2.840.10008.1.2.4.80";
    public const string JpegLsNearLossless = "1.2.840.10008.1.2.4.81";
    public const string Jpeg2000Lossless = "1.2.840.10008.1.2.4.90";
    public const string Jpeg2000 = "1.2.840.10008.1.2.4.91";

    private static readonly Dictionary<string, (string Name, bool MayBeLossy)> Known = new(StringComparer.Ordinal)
    {
        [RleLossless] = ("RLE Lossless", false),
        [JpegBaseline] = ("JPEG Baseline (Process 1)", true),
        [JpegExtended] = ("JPEG Extended (Process 2 & 4)", true),
        [JpegLossless] = ("JPEG Lossless, Non-Hierarchical (Process 14)", false),
        [JpegLosslessSv1] = ("JPEG Lossless, First-Order Prediction (Process 14 SV1)", false),
        [JpegLsLossless] = ("JPEG-LS Lossless", false),
        [JpegLsNearLossless] = ("JPEG-LS Lossy (Near-Lossless)", true),
        [Jpeg2000Lossless] = ("JPEG 2000 (Lossless Only)", false),
        [Jpeg2000] = ("JPEG 2000", true),
        ["1.2.840.10008.1.2.4.201"] = ("High-Throughput JPEG 2000 (Lossless Only)", false),
        ["1.2.840.10008.1.2.4.202"] = ("High-Throughput JPEG 2000 with RPCL Options (Lossless Only)", false),
        ["1.2.840.10008.1.2.4.203"] = ("High-Throughput JPEG 2000", true),
    };

    /// <summary>The standard's name for the syntax, or "transfer syntax UID" when it is not one we know.</summary>
    public static string Describe(string uid) =>
        Known.TryGetValue(uid, out var known) ? $"{known.Name} ({uid})" : $"transfer syntax {uid}";

    /// <summary>True for syntaxes that allow lossy compression (and for unknown ones: nothing says they are lossless).</summary>
    public static bool MayBeLossy(string uid) => !Known.TryGetValue(uid, out var known) || known.MayBeLossy;
}
