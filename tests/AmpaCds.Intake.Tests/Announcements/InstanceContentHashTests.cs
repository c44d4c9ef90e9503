using AmpaCds.Dicom;
using AmpaCds.Intake.Series;

namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>The content hash follows what the instance says, not the transfer syntax it arrived in.</summary>
public sealed class InstanceContentHashTests
{
    [Fact]
    public void TheSameInstanceInImplicitAndExplicitVrHashesAlike()
    {
        var dataset = PetDatasets.Slice(0);
        var explicitVr = DicomFile.Create(dataset, TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes();
        var implicitVr = DicomFile.Create(dataset, TransferSyntax.ImplicitVRLittleEndian.Uid).ToBytes();

        Assert.False(explicitVr.AsSpan().SequenceEqual(implicitVr)); // the stored bytes do differ
        Assert.Equal(InstanceContentHash.Of(explicitVr), InstanceContentHash.Of(implicitVr));
        Assert.Equal(64, InstanceContentHash.Of(explicitVr).Length);
    }

    [Fact]
    public void AChangedValueChangesTheHash()
    {
        var dataset = PetDatasets.Slice(0);
        var original = InstanceContentHash.Of(DicomFile.Create(dataset).ToBytes());
        dataset.AddOrUpdate(DicomTags.PatientWeight, DicomVR.DS, 71.5);

        Assert.NotEqual(original, InstanceContentHash.Of(DicomFile.Create(dataset).ToBytes()));
    }
}
