namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// The lossless decoders this library has, by transfer syntax. Lossy syntaxes get no decoder on purpose:
/// quantitative PET must measure the activity the scanner stored, so such data is refused with the reason.
/// </summary>
public static class FrameDecoders
{
    private static readonly Dictionary<string, IFrameDecoder> ByTransferSyntax =
        new IFrameDecoder[] { new RleLosslessDecoder(), new JpegLosslessDecoder(), new JpegLsDecoder() }
            .SelectMany(decoder => decoder.TransferSyntaxUids.Select(uid => (uid, decoder)))
            .ToDictionary(pair => pair.uid, pair => pair.decoder, StringComparer.Ordinal);

    /// <summary>Encapsulated syntaxes whose pixel data can be decoded, in the order Intake prefers them.</summary>
    public static IReadOnlyList<string> TransferSyntaxUids { get; } =
    [
        CompressedTransferSyntaxes.JpegLsLossless,
        CompressedTransferSyntaxes.JpegLosslessSv1,
        CompressedTransferSyntaxes.JpegLossless,
        CompressedTransferSyntaxes.RleLossless,
    ];

    public static bool TryGet(string transferSyntaxUid, out IFrameDecoder decoder) =>
        ByTransferSyntax.TryGetValue(transferSyntaxUid, out decoder!);

    /// <summary>Null when <paramref name="syntax"/> is native or has a decoder; otherwise why its pixel data cannot be used.</summary>
    public static string? WhyNotDecodable(TransferSyntax syntax)
    {
        if (!syntax.IsEncapsulated || ByTransferSyntax.ContainsKey(syntax.Uid))
        {
            return null;
        }
        var name = CompressedTransferSyntaxes.Describe(syntax.Uid);
        return CompressedTransferSyntaxes.MayBeLossy(syntax.Uid)
            ? $"{name} may be lossy: quantification needs the stored values, so send it uncompressed or losslessly compressed"
            : $"{name} cannot be decoded here; send it uncompressed, RLE, JPEG Lossless or JPEG-LS Lossless";
    }
}
