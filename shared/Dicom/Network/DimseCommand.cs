using System.Buffers.Binary;

namespace AmpaCds.Dicom.Network;

/// <summary>Builds, encodes and reads DIMSE command sets, which are always Implicit VR LE with (0000,0000) group length.</summary>
internal static class DimseCommand
{
    public static readonly DicomTag AffectedSopClassUid = new(0x0000, 0x0002);
    public static readonly DicomTag CommandField = new(0x0000, 0x0100);
    public static readonly DicomTag MessageId = new(0x0000, 0x0110);
    public static readonly DicomTag MessageIdBeingRespondedTo = new(0x0000, 0x0120);
    public static readonly DicomTag Priority = new(0x0000, 0x0700);
    public static readonly DicomTag CommandDataSetType = new(0x0000, 0x0800);
    public static readonly DicomTag Status = new(0x0000, 0x0900);
    public static readonly DicomTag ErrorComment = new(0x0000, 0x0902);
    public static readonly DicomTag AffectedSopInstanceUid = new(0x0000, 0x1000);
    public static readonly DicomTag MoveDestination = new(0x0000, 0x0600);
    public static readonly DicomTag NumberOfRemainingSubOperations = new(0x0000, 0x1020);
    public static readonly DicomTag NumberOfCompletedSubOperations = new(0x0000, 0x1021);
    public static readonly DicomTag NumberOfFailedSubOperations = new(0x0000, 0x1022);
    public static readonly DicomTag NumberOfWarningSubOperations = new(0x0000, 0x1023);

    /// <summary>Command Data Set Type value meaning "no dataset follows".</summary>
    public const ushort NoDataSet = 0x0101;
    private const ushort DataSetPresent = 0x0000;

    public static DicomDataset EchoRequest(ushort messageId) => new DicomDataset()
        .AddOrUpdate(AffectedSopClassUid, DicomVR.UI, DicomUids.Verification)
        .AddOrUpdate(CommandField, DicomVR.US, DimseCommandField.CEchoRequest)
        .AddOrUpdate(MessageId, DicomVR.US, messageId)
        .AddOrUpdate(CommandDataSetType, DicomVR.US, NoDataSet);

    public static DicomDataset StoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid) => new DicomDataset()
        .AddOrUpdate(AffectedSopClassUid, DicomVR.UI, sopClassUid)
        .AddOrUpdate(CommandField, DicomVR.US, DimseCommandField.CStoreRequest)
        .AddOrUpdate(MessageId, DicomVR.US, messageId)
        .AddOrUpdate(Priority, DicomVR.US, 0)
        .AddOrUpdate(CommandDataSetType, DicomVR.US, DataSetPresent)
        .AddOrUpdate(AffectedSopInstanceUid, DicomVR.UI, sopInstanceUid);

    public static DicomDataset FindRequest(ushort messageId, string sopClassUid) => new DicomDataset()
        .AddOrUpdate(AffectedSopClassUid, DicomVR.UI, sopClassUid)
        .AddOrUpdate(CommandField, DicomVR.US, DimseCommandField.CFindRequest)
        .AddOrUpdate(MessageId, DicomVR.US, messageId)
        .AddOrUpdate(Priority, DicomVR.US, 0)
        .AddOrUpdate(CommandDataSetType, DicomVR.US, DataSetPresent);

    public static DicomDataset MoveRequest(ushort messageId, string sopClassUid, string moveDestination) => new DicomDataset()
        .AddOrUpdate(AffectedSopClassUid, DicomVR.UI, sopClassUid)
        .AddOrUpdate(CommandField, DicomVR.US, DimseCommandField.CMoveRequest)
        .AddOrUpdate(MessageId, DicomVR.US, messageId)
        .AddOrUpdate(Priority, DicomVR.US, 0)
        .AddOrUpdate(CommandDataSetType, DicomVR.US, DataSetPresent)
        .AddOrUpdate(MoveDestination, DicomVR.AE, moveDestination);

    /// <summary>Response to <paramref name="request"/>, copying its affected SOP class/instance as PS3.7 requires.</summary>
    public static DicomDataset Response(DicomDataset request, ushort status, string? errorComment = null)
    {
        var response = new DicomDataset()
            .AddOrUpdate(CommandField, DicomVR.US, (ushort)(GetUShort(request, CommandField) | DimseCommandField.ResponseBit))
            .AddOrUpdate(MessageIdBeingRespondedTo, DicomVR.US, GetUShort(request, MessageId))
            .AddOrUpdate(CommandDataSetType, DicomVR.US, NoDataSet)
            .AddOrUpdate(Status, DicomVR.US, status);
        if (request.GetString(AffectedSopClassUid) is { } sopClass) response.AddOrUpdate(AffectedSopClassUid, DicomVR.UI, sopClass);
        if (request.GetString(AffectedSopInstanceUid) is { } sopInstance) response.AddOrUpdate(AffectedSopInstanceUid, DicomVR.UI, sopInstance);
        if (!string.IsNullOrEmpty(errorComment))
            response.AddOrUpdate(ErrorComment, DicomVR.LO, errorComment.Length > 64 ? errorComment[..64] : errorComment);
        return response;
    }

    /// <summary>A pending C-FIND response: the match follows as its dataset.</summary>
    public static DicomDataset PendingResponse(DicomDataset request, ushort status) =>
        Response(request, status).AddOrUpdate(CommandDataSetType, DicomVR.US, DataSetPresent);

    public static bool HasDataSet(DicomDataset command) => GetUShort(command, CommandDataSetType) != NoDataSet;

    public static ushort GetUShort(DicomDataset command, DicomTag tag) =>
        command.TryGetInt(tag, out var value) && value is >= 0 and <= ushort.MaxValue ? (ushort)value
            : throw new DicomFormatException($"DIMSE command lacks a valid {tag}.");

    public static byte[] Encode(DicomDataset command)
    {
        var withoutLength = command.Clone();
        withoutLength.Remove(new DicomTag(0x0000, 0x0000));
        var body = DicomDatasetWriter.Write(withoutLength, TransferSyntax.ImplicitVRLittleEndian);
        var encoded = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(4), 4); // tag (0000,0000) then length 4
        BinaryPrimitives.WriteUInt32LittleEndian(encoded.AsSpan(8), (uint)body.Length);
        body.CopyTo(encoded, 12);
        return encoded;
    }

    public static DicomDataset Decode(ReadOnlyMemory<byte> bytes) =>
        DicomDatasetReader.Read(bytes, TransferSyntax.ImplicitVRLittleEndian);
}
