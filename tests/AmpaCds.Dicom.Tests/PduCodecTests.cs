using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

public class PduCodecTests
{
    [Fact]
    public void Associate_request_round_trips_all_negotiated_fields()
    {
        var request = new AssociationParameters
        {
            CalledAeTitle = "AMPACDS",
            CallingAeTitle = "SCANNER",
            MaxPduLength = 16384,
            PresentationContexts = [new PresentationContext(1, DicomUids.PetImageStorage, ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"])],
        };
        var pdu = PduWriter.AssociateRequest(request);
        Assert.Equal((byte)PduType.AssociateRequest, pdu[0]);
        Assert.Equal((uint)(pdu.Length - 6), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(pdu.AsSpan(2)));
        var decoded = PduReader.Associate(pdu.AsSpan(6), isAccept: false);
        Assert.Equal("AMPACDS", decoded.CalledAeTitle);
        Assert.Equal("SCANNER", decoded.CallingAeTitle);
        Assert.Equal(16384u, decoded.MaxPduLength);
        Assert.Equal(DicomImplementation.VersionName, decoded.ImplementationVersionName);
        var pc = Assert.Single(decoded.PresentationContexts);
        Assert.Equal(DicomUids.PetImageStorage, pc.AbstractSyntax);
        Assert.Equal(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"], pc.TransferSyntaxes);
    }

    [Fact]
    public void Reject_and_abort_carry_their_fields()
    {
        var reject = PduWriter.AssociateReject(AssociationRejection.LocalLimitExceeded);
        Assert.Equal(new AssociationRejection(2, 3, 2), PduReader.Reject(reject.AsSpan(6)));
        Assert.Equal(((byte)2, (byte)6), PduReader.Abort(PduWriter.Abort(2, 6).AsSpan(6)));
    }

    [Fact]
    public void Command_set_starts_with_a_correct_group_length()
    {
        var bytes = DimseCommand.Encode(DimseCommand.StoreRequest(7, DicomUids.PetImageStorage, "1.2.3"));
        Assert.Equal((uint)(bytes.Length - 12), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        var decoded = DimseCommand.Decode(bytes);
        Assert.Equal(7, decoded.GetInt(DimseCommand.MessageId));
        Assert.Equal(DicomUids.PetImageStorage, decoded.GetString(DimseCommand.AffectedSopClassUid));
        Assert.True(DimseCommand.HasDataSet(decoded));
    }
}
