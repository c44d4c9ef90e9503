namespace AmpaCds.Dicom.Network;

/// <summary>Application logic behind a <see cref="DicomServer"/>. Verification (C-ECHO) is built in.</summary>
public interface IDicomServiceHandler
{
    /// <summary>Storage SOP classes accepted for C-STORE (e.g. <see cref="DicomUids.PetImageStorage"/>).</summary>
    IReadOnlyCollection<string> SupportedSopClasses { get; }

    /// <summary>
    /// Called once the full dataset has arrived. Returns a DIMSE status (<see cref="DicomStatus"/>).
    /// An exception becomes status 0xC000 with its message as Error Comment; the association stays up.
    /// </summary>
    Task<ushort> OnCStoreAsync(CStoreRequest request, CancellationToken cancellationToken);

    /// <summary>Query SOP classes answered with C-FIND (e.g. <see cref="DicomUids.StudyRootQueryRetrieveFind"/>); none by default.</summary>
    IReadOnlyCollection<string> SupportedQuerySopClasses => [];

    /// <summary>
    /// Matches for one C-FIND identifier. An exception becomes status 0xC000 with its message as Error Comment.
    /// Only called for classes in <see cref="SupportedQuerySopClasses"/>.
    /// </summary>
    Task<CFindResult> OnCFindAsync(CFindRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(CFindResult.Refused(DicomStatus.SopClassNotSupported, "C-FIND is not supported"));

    /// <summary>Audit hook: association accepted.</summary>
    void OnAssociationAccepted(DicomAssociationInfo association) { }

    /// <summary>Audit hook: association rejected, with the A-ASSOCIATE-RJ fields sent.</summary>
    void OnAssociationRejected(DicomAssociationInfo association, AssociationRejection rejection) { }

    /// <summary>Audit hook: association finished (released normally or aborted).</summary>
    void OnAssociationClosed(DicomAssociationInfo association, bool aborted) { }
}
