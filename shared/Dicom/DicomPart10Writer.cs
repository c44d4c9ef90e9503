namespace AmpaCds.Dicom;

/// <summary>
/// Builds a Part 10 file around dataset bytes exactly as received (e.g. a C-STORE's data), without decoding and
/// re-encoding them: preamble, "DICM", fresh file meta, then the bytes verbatim. Re-encoding costs a full parse-and-write
/// per instance and can only lose fidelity; the receiver still parses once to validate.
/// </summary>
public static class DicomPart10Writer
{
    private static readonly byte[] PreambleAndMagic = [.. new byte[128], .. "DICM"u8];

    /// <param name="rawDataset">Dataset encoded in <paramref name="transferSyntaxUid"/> (for Deflated: the deflated stream).</param>
    /// <param name="sourceAeTitle">Sender's AE title for (0002,0016), or null to leave it out.</param>
    public static byte[] Write(ReadOnlySpan<byte> rawDataset, string transferSyntaxUid, string sopClassUid, string sopInstanceUid,
        string? sourceAeTitle = null)
    {
        var syntax = TransferSyntax.Parse(transferSyntaxUid);
        if (!syntax.CanWrite)
            throw new ArgumentException($"Transfer syntax {syntax.Uid} cannot be stored as received; re-encode the dataset instead.",
                nameof(transferSyntaxUid));
        ArgumentException.ThrowIfNullOrEmpty(sopClassUid);
        ArgumentException.ThrowIfNullOrEmpty(sopInstanceUid);
        if ((rawDataset.Length & 1) != 0 && !syntax.IsDeflated)
            throw new DicomFormatException($"Malformed DICOM dataset: odd length {rawDataset.Length}; datasets have even length.");
        var meta = DicomFile.BuildMeta(sopClassUid, sopInstanceUid, syntax.Uid);
        if (!string.IsNullOrEmpty(sourceAeTitle)) meta.AddOrUpdate(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, sourceAeTitle);
        var encodedMeta = DicomFile.EncodeMeta(meta);
        var file = new byte[PreambleAndMagic.Length + encodedMeta.Length + rawDataset.Length];
        PreambleAndMagic.CopyTo(file, 0);
        encodedMeta.CopyTo(file, PreambleAndMagic.Length);
        rawDataset.CopyTo(file.AsSpan(PreambleAndMagic.Length + encodedMeta.Length));
        return file;
    }
}
