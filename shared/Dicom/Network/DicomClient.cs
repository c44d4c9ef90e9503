namespace AmpaCds.Dicom.Network;

/// <summary>DICOM SCU for C-ECHO and C-STORE (C-FIND and C-MOVE in DicomClient.Query.cs). Each call opens one association and releases it when done.</summary>
public sealed partial class DicomClient(string host, int port, string callingAeTitle, string calledAeTitle)
{
    private static readonly string[] UncompressedSyntaxes =
        [TransferSyntax.ExplicitVRLittleEndian.Uid, TransferSyntax.ImplicitVRLittleEndian.Uid];

    public string Host { get; } = host;
    public int Port { get; } = port;
    public string CallingAeTitle { get; } = callingAeTitle;
    public string CalledAeTitle { get; } = calledAeTitle;

    /// <summary>Connect and per-response timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>TLS for the connection; null for plain DICOM.</summary>
    public DicomClientTls? Tls { get; init; }

    /// <summary>Largest P-DATA-TF we accept from the peer.</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>Verifies connectivity; throws <see cref="DicomAssociationRejectedException"/> or <see cref="DicomNetworkException"/> on failure.</summary>
    public async Task EchoAsync(CancellationToken cancellationToken = default)
    {
        var proposed = new[] { new PresentationContext(1, DicomUids.Verification, UncompressedSyntaxes) };
        await using var association = await DicomClientAssociation.OpenAsync(this, proposed, cancellationToken);
        var pc = association.Accepted.FirstOrDefault()
            ?? throw new DicomNetworkException("Peer did not accept the Verification SOP class.");
        var response = await association.RequestAsync(pc.Id, DimseCommand.EchoRequest, null, cancellationToken);
        var status = DimseCommand.GetUShort(response, DimseCommand.Status);
        await association.ReleaseAsync(cancellationToken);
        if (status != DicomStatus.Success)
            throw new DicomNetworkException($"C-ECHO failed with status 0x{status:X4}.", status);
    }

    public Task<IReadOnlyList<CStoreResult>> StoreAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        StoreAsync(paths.Select(p => DicomFile.Open(p)).ToList(), cancellationToken);

    /// <summary>
    /// Sends every file over one association. Per SOP class we propose Explicit + Implicit VR LE, and for a compressed
    /// file its own syntax in a context of its own (plus the uncompressed one when a lossless decoder exists here, so
    /// a peer that takes only uncompressed data still gets it, decoded). Datasets are re-encoded to the accepted syntax.
    /// </summary>
    public async Task<IReadOnlyList<CStoreResult>> StoreAsync(IEnumerable<DicomFile> files, CancellationToken cancellationToken = default)
    {
        var list = files.ToList();
        if (list.Count == 0) return [];
        var proposed = Propose(list);
        var results = new List<CStoreResult>(list.Count);
        await using var association = await DicomClientAssociation.OpenAsync(this, proposed, cancellationToken);
        foreach (var file in list)
        {
            var sopClass = file.Dataset.GetString(DicomTags.SOPClassUID) ?? "";
            var sopInstance = file.Dataset.GetString(DicomTags.SOPInstanceUID) ?? "";
            var choice = Choose(association.Accepted, sopClass, file.TransferSyntax);
            if (choice is null)
            {
                results.Add(new CStoreResult(sopClass, sopInstance, DicomStatus.SopClassNotSupported,
                    "No accepted presentation context for this SOP class and transfer syntax"));
                continue;
            }
            var (pc, syntax) = choice.Value;
            var dataset = file.TransferSyntax.IsEncapsulated && !syntax.IsEncapsulated ? Codecs.DicomDecompressor.Decompress(file.Dataset) : file.Dataset;
            var bytes = DicomDatasetWriter.Write(dataset, syntax);
            var response = await association.RequestAsync(pc.Id, id => DimseCommand.StoreRequest(id, sopClass, sopInstance), bytes, cancellationToken);
            results.Add(new CStoreResult(sopClass, sopInstance, DimseCommand.GetUShort(response, DimseCommand.Status),
                response.GetString(DimseCommand.ErrorComment)));
        }
        await association.ReleaseAsync(cancellationToken);
        return results;
    }

    private static List<PresentationContext> Propose(IEnumerable<DicomFile> files)
    {
        var contexts = new List<PresentationContext>();
        var seen = new HashSet<(string, string)>();
        foreach (var file in files)
        {
            var sopClass = file.Dataset.GetString(DicomTags.SOPClassUID) ?? "";
            foreach (var syntaxes in ProposedSyntaxes(file.TransferSyntax))
            {
                if (!seen.Add((sopClass, syntaxes[0]))) continue;
                if (contexts.Count == 128) throw new InvalidOperationException("More than 128 presentation contexts needed.");
                contexts.Add(new PresentationContext((byte)(contexts.Count * 2 + 1), sopClass, syntaxes));
            }
        }
        return contexts;
    }

    private static string[][] ProposedSyntaxes(TransferSyntax fileSyntax) =>
        !fileSyntax.IsEncapsulated ? [UncompressedSyntaxes]
        : Codecs.FrameDecoders.WhyNotDecodable(fileSyntax) is null ? [[fileSyntax.Uid], UncompressedSyntaxes]
        : [[fileSyntax.Uid]];

    private static (PresentationContext, TransferSyntax)? Choose(IReadOnlyList<PresentationContext> accepted, string sopClass, TransferSyntax fileSyntax)
    {
        PresentationContext? fallback = null;
        foreach (var pc in accepted.Where(p => p.AbstractSyntax == sopClass))
        {
            if (pc.AcceptedTransferSyntax == fileSyntax.Uid) return (pc, fileSyntax);
            // Only an uncompressed context can take a re-encoded dataset; another compressed syntax would need an encoder.
            if (!TransferSyntax.Parse(pc.AcceptedTransferSyntax!).IsEncapsulated) fallback ??= pc;
        }
        // Compressed pixel data goes uncompressed only when a lossless decoder exists for it.
        if (fallback is null || Codecs.FrameDecoders.WhyNotDecodable(fileSyntax) is not null) return null;
        return (fallback, TransferSyntax.Parse(fallback.AcceptedTransferSyntax!));
    }
}
