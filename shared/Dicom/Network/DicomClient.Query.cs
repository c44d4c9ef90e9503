namespace AmpaCds.Dicom.Network;

/// <summary>Study Root Query/Retrieve SCU: C-FIND and C-MOVE (PS3.4 C.4.1, C.4.2).</summary>
public sealed partial class DicomClient
{
    /// <summary>Upper bound on C-FIND matches kept, so a PACS answering "everything" cannot exhaust memory.</summary>
    public int MaxFindResults { get; init; } = 10_000;

    /// <summary>
    /// Sends one C-FIND and collects every pending (0xFF00/0xFF01) identifier. Any final status other than success
    /// throws <see cref="DicomNetworkException"/> carrying it, so partial results are never mistaken for complete ones.
    /// </summary>
    public async Task<IReadOnlyList<DicomDataset>> FindAsync(DicomQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var identifier = query.ToIdentifier();
        await using var association = await OpenQueryAssociationAsync(DicomUids.StudyRootQueryRetrieveFind, cancellationToken);
        var (pc, syntax) = association.Context;
        var messageId = await association.Association.SendRequestAsync(pc, id => DimseCommand.FindRequest(id, DicomUids.StudyRootQueryRetrieveFind),
            DicomDatasetWriter.Write(identifier, syntax), cancellationToken);
        var matches = new List<DicomDataset>();
        while (true)
        {
            var response = await association.Association.ReceiveResponseAsync(messageId, cancellationToken);
            var status = DimseCommand.GetUShort(response.Command, DimseCommand.Status);
            if (!DicomStatus.IsPending(status))
            {
                await association.Association.ReleaseAsync(cancellationToken);
                if (status != DicomStatus.Success)
                    throw new DicomNetworkException(
                        $"C-FIND failed with status 0x{status:X4}{Comment(response.Command)} after {matches.Count} matches.", status);
                return matches;
            }
            if (response.DataSet is not { } data)
                throw new DicomNetworkException($"C-FIND pending response 0x{status:X4} carries no identifier.", status);
            if (matches.Count == MaxFindResults)
                throw new DicomNetworkException($"C-FIND returned more than {MaxFindResults} matches; narrow the query.");
            matches.Add(DicomDatasetReader.Read(data, syntax));
        }
    }

    /// <summary>
    /// Asks the SCP to C-STORE a study (or one series of it) to <paramref name="destinationAeTitle"/>, which the SCP must
    /// know. Waits for the final response; a refusal (e.g. 0xA801 destination unknown) is returned in the result's status.
    /// </summary>
    public async Task<CMoveResult> MoveAsync(string destinationAeTitle, string studyInstanceUid, string? seriesInstanceUid = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(destinationAeTitle) || destinationAeTitle.Length > 16)
            throw new ArgumentException($"Move destination '{destinationAeTitle}' is not a 1-16 character AE title.", nameof(destinationAeTitle));
        ArgumentException.ThrowIfNullOrEmpty(studyInstanceUid);
        var identifier = new DicomDataset()
            .AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, seriesInstanceUid is null ? "STUDY" : "SERIES")
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyInstanceUid);
        if (seriesInstanceUid is not null) identifier.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesInstanceUid);

        await using var association = await OpenQueryAssociationAsync(DicomUids.StudyRootQueryRetrieveMove, cancellationToken);
        var (pc, syntax) = association.Context;
        var messageId = await association.Association.SendRequestAsync(pc,
            id => DimseCommand.MoveRequest(id, DicomUids.StudyRootQueryRetrieveMove, destinationAeTitle),
            DicomDatasetWriter.Write(identifier, syntax), cancellationToken);
        var counts = (Completed: 0, Failed: 0, Warning: 0, Remaining: 0);
        while (true)
        {
            var response = await association.Association.ReceiveResponseAsync(messageId, cancellationToken);
            var command = response.Command;
            var status = DimseCommand.GetUShort(command, DimseCommand.Status);
            counts = (Count(command, DimseCommand.NumberOfCompletedSubOperations, counts.Completed),
                Count(command, DimseCommand.NumberOfFailedSubOperations, counts.Failed),
                Count(command, DimseCommand.NumberOfWarningSubOperations, counts.Warning),
                Count(command, DimseCommand.NumberOfRemainingSubOperations, DicomStatus.IsPending(status) ? counts.Remaining : 0));
            if (DicomStatus.IsPending(status)) continue;
            IReadOnlyList<string>? failedUids = null;
            if (response.DataSet is { } data)
                failedUids = DicomDatasetReader.Read(data, syntax).GetStrings(DicomTags.FailedSOPInstanceUIDList);
            await association.Association.ReleaseAsync(cancellationToken);
            return new CMoveResult(status, counts.Completed, counts.Failed, counts.Warning, counts.Remaining,
                command.GetString(DimseCommand.ErrorComment), failedUids);
        }
    }

    private async Task<QueryAssociation> OpenQueryAssociationAsync(string sopClass, CancellationToken ct)
    {
        var association = await DicomClientAssociation.OpenAsync(this, [new PresentationContext(1, sopClass, UncompressedSyntaxes)], ct);
        var pc = association.Accepted.FirstOrDefault();
        if (pc is null)
        {
            await association.DisposeAsync();
            throw new DicomNetworkException($"Peer did not accept {sopClass} with an uncompressed transfer syntax.");
        }
        return new QueryAssociation(association, (pc.Id, TransferSyntax.Parse(pc.AcceptedTransferSyntax!)));
    }

    private static int Count(DicomDataset command, DicomTag tag, int previous) =>
        command.TryGetInt(tag, out var value) && value >= 0 ? value : previous;

    private static string Comment(DicomDataset command) =>
        command.GetString(DimseCommand.ErrorComment) is { Length: > 0 } text ? $" ({text})" : "";

    private sealed record QueryAssociation(DicomClientAssociation Association, (byte Id, TransferSyntax Syntax) Context) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Association.DisposeAsync();
    }
}
