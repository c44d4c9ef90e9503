using System.Net;

namespace AmpaCds.Dicom.Network;

/// <summary>A received C-STORE: identifiers plus the dataset bytes exactly as they arrived.</summary>
public sealed record CStoreRequest
{
    public required string AffectedSopClassUid { get; init; }
    public required string AffectedSopInstanceUid { get; init; }

    /// <summary>Transfer syntax negotiated for the presentation context; <see cref="DatasetBytes"/> is encoded in it.</summary>
    public required string TransferSyntaxUid { get; init; }

    /// <summary>Raw dataset (no meta). The buffer is owned by this request and may be kept.</summary>
    public required ReadOnlyMemory<byte> DatasetBytes { get; init; }

    public required string CallingAeTitle { get; init; }
    public required string CalledAeTitle { get; init; }
    public EndPoint? RemoteEndPoint { get; init; }
    public ushort MessageId { get; init; }

    /// <summary>Parses <see cref="DatasetBytes"/>; element values are slices of that buffer.</summary>
    public DicomDataset ParseDataset(DicomReadOptions? options = null) =>
        DicomDatasetReader.Read(DatasetBytes, TransferSyntax.Parse(TransferSyntaxUid), options);

    /// <summary>Wraps the dataset as a Part 10 file (meta built from this request) ready to save.</summary>
    public DicomFile ToDicomFile()
    {
        var file = DicomFile.Create(ParseDataset(), TransferSyntaxUid);
        file.FileMetaInformation.AddOrUpdate(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, CallingAeTitle);
        return file;
    }
}
