using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Storage;

namespace AmpaCds.Intake.Tests;

public sealed class InstanceIntakeTests : IDisposable
{
    private readonly IntakeHarness _harness = new();

    [Fact]
    public async Task AnAcceptedInstanceIsStoredAsAPart10FileWithItsValues()
    {
        var slice = PetDatasets.Slice(1);
        var rejection = await _harness.Intake.AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian,
            DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None);
        Assert.Null(rejection);

        var key = SeriesKeys.Instance(PetDatasets.StudyUid, PetDatasets.SeriesUid, PetDatasets.SopInstance(slice));
        var stored = DicomFile.Open(await _harness.Blobs.GetAsync(key));
        Assert.Equal(DicomUids.PetImageStorage, stored.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID));
        Assert.Equal(2.0, stored.Dataset.GetDoubles(DicomTags.ImagePositionPatient)[2]);
        Assert.Equal("Test^Patient", stored.Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public async Task TheLastSliceOfASeriesCompletesIt()
    {
        for (var index = 0; index < 3; index++)
        {
            var slice = PetDatasets.Slice(index, numberOfSlices: 3);
            await _harness.Intake.AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian,
                DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None);
        }
        Assert.Equal(0, _harness.Tracker.OpenSeriesCount);
        Assert.Equal(3, _harness.Blobs.List(SeriesKeys.InstancesPrefix(PetDatasets.StudyUid, PetDatasets.SeriesUid)).Count);
    }

    [Fact]
    public async Task UnparsableBytesAreCannotUnderstandAndNothingIsStored()
    {
        var bytes = PetDatasets.Encode(PetDatasets.Slice(0));
        var truncated = bytes.AsMemory(0, bytes.Length - 7);
        var rejection = await _harness.Intake.AcceptAsync(truncated, TransferSyntax.ExplicitVRLittleEndian,
            DicomUids.PetImageStorage, "1.2.3", "test", CancellationToken.None);
        Assert.Equal(DicomStatus.CannotUnderstand, rejection?.Status);
        Assert.Empty(_harness.Blobs.List("studies/"));
    }

    [Fact]
    public async Task ANearlyFullDiskIsOutOfResources()
    {
        using var full = new IntakeHarness(minimumFreeDiskBytes: long.MaxValue);
        var slice = PetDatasets.Slice(0);
        var rejection = await full.Intake.AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian,
            DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None);
        Assert.Equal(DicomStatus.OutOfResources, rejection?.Status);
        Assert.Empty(full.Blobs.List("studies/"));
    }

    public void Dispose() => _harness.Dispose();
}
