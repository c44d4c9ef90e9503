using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Series;

namespace AmpaCds.Intake.Tests;

public sealed class SeriesDemographicsReaderTests : IDisposable
{
    private readonly IntakeHarness _harness = new();

    [Fact]
    public async Task TheHeaderOfTheFirstStoredInstanceInKeyOrderIsWhatReportingIsSent()
    {
        string[] descriptions = ["later slice", "first slice", "middle slice"];
        List<string> sops = [];
        foreach (var (index, description) in new[] { 2, 0, 1 }.Zip(descriptions))
        {
            var slice = PetDatasets.Slice(index)
                .AddOrUpdate(DicomTags.StudyDate, DicomVR.DA, "20260110")
                .AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, description);
            Assert.Null(await _harness.Intake.AcceptAsync(PetDatasets.Encode(slice), TransferSyntax.ExplicitVRLittleEndian,
                DicomUids.PetImageStorage, PetDatasets.SopInstance(slice), "test", CancellationToken.None));
            sops.Add(PetDatasets.SopInstance(slice));
        }
        var correlationId = Guid.NewGuid();
        var reader = new SeriesDemographicsReader(_harness.Blobs);

        var header = await reader.ReadAsync(correlationId,
            new CompletedSeries(PetDatasets.StudyUid, PetDatasets.SeriesUid, sops, SeriesTracker.ByNumberOfSlices), CancellationToken.None);

        Assert.Equal(correlationId, header.CorrelationId);
        Assert.Equal(PetDatasets.StudyUid, header.StudyInstanceUid);
        Assert.Equal(PetDatasets.SeriesUid, header.SeriesInstanceUid);
        Assert.Equal("Test^Patient", header.PatientName);
        Assert.Equal("T1", header.PatientId);
        Assert.Equal("20260110", header.StudyDate);
        Assert.Equal("first slice", header.StudyDescription);
    }

    public void Dispose() => _harness.Dispose();
}
