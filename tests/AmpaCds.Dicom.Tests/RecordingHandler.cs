using System.Collections.Concurrent;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>Test handler that keeps every C-STORE and association event, with a pluggable status decision.</summary>
internal sealed class RecordingHandler : IDicomServiceHandler
{
    public ConcurrentQueue<CStoreRequest> Stored { get; } = new();
    public ConcurrentQueue<AssociationRejection> Rejections { get; } = new();
    public ConcurrentQueue<DicomAssociationInfo> Accepted { get; } = new();
    public Func<CStoreRequest, ushort> Decide { get; set; } = _ => DicomStatus.Success;

    public IReadOnlyCollection<string> SupportedSopClasses { get; } = [DicomUids.PetImageStorage, DicomUids.EnhancedPetImageStorage];

    /// <summary>When set, the server answers Study Root C-FIND with it.</summary>
    public Func<CFindRequest, CFindResult>? Find { get; set; }

    public IReadOnlyCollection<string> SupportedQuerySopClasses => Find is null ? [] : [DicomUids.StudyRootQueryRetrieveFind];

    public Task<CFindResult> OnCFindAsync(CFindRequest request, CancellationToken cancellationToken) => Task.FromResult(Find!(request));

    public Task<ushort> OnCStoreAsync(CStoreRequest request, CancellationToken cancellationToken)
    {
        Stored.Enqueue(request);
        return Task.FromResult(Decide(request));
    }

    public void OnAssociationAccepted(DicomAssociationInfo association) => Accepted.Enqueue(association);

    public void OnAssociationRejected(DicomAssociationInfo association, AssociationRejection rejection) => Rejections.Enqueue(rejection);
}
