using AmpaCds.Dicom;
using AmpaCds.Domain.Clinical;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Simulation;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Quantification.Tests.Longitudinal;

/// <summary>Two studies of one patient through the store: the second finds the first as its baseline.</summary>
public sealed class FollowUpTrackerTests : IDisposable
{
    private static readonly QuantificationOptions Options = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ampacds-followup-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task AFollowUpIsComparedWithTheBaselineOfTheSamePatientOnly()
    {
        var blobs = new FileSystemBlobStore(Path.Combine(_root, "blobs"));
        var writer = new ParametricMapWriter(blobs);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.Zero));
        var tracker = new FollowUpTracker(new PatientResultStore(blobs), writer, Options, clock);
        var quantifier = new StudyQuantifier(QuantificationReference.BuiltIn(Options.TemplateSmoothingFwhmMm), Options, ActiveNormativeDatabase.Load(null));

        // Two different virtual subjects stand in for one patient's two scans: the change is then their difference.
        var baselineSeries = Simulate(61) with { PatientId = "P-1", StudyDate = new DateOnly(2026, 1, 10) };
        var followUpSeries = Simulate(62) with { PatientId = "P-1", StudyDate = new DateOnly(2026, 2, 10) };
        var otherPatient = Simulate(62) with { PatientId = "P-2", StudyInstanceUid = "1.2.3.999", StudyDate = new DateOnly(2026, 3, 1) };

        var baseline = quantifier.Quantify(baselineSeries);
        var baselineMap = await writer.WriteAsync(baselineSeries.StudyInstanceUid, baselineSeries.SeriesInstanceUid, "suvr", baseline.Maps.Suvr, CancellationToken.None);
        var first = await tracker.CompareWithBaselineAsync(baselineSeries, baseline, baselineMap, CancellationToken.None);
        var followUp = quantifier.Quantify(followUpSeries);
        var second = await tracker.CompareWithBaselineAsync(followUpSeries, followUp, null, CancellationToken.None);
        var unrelated = await tracker.CompareWithBaselineAsync(otherPatient, followUp, null, CancellationToken.None);

        Assert.Null(first.Change);
        Assert.Null(unrelated.Change);
        var change = second.Change!;
        Assert.Equal(baselineSeries.StudyInstanceUid, change.BaselineStudyInstanceUid);
        Assert.Equal(PatientKey.For("P-1", Options.PatientKeySecret), change.PatientKey);
        foreach (var region in change.Regions)
        {
            var before = baseline.Regions.Single(r => r.Name == region.Name);
            var after = followUp.Regions.Single(r => r.Name == region.Name);
            Assert.Equal(after.Suvr - before.Suvr, region.SuvrChange, 12);
            Assert.Equal(100 * (after.Suvr / before.Suvr - 1), region.SuvrChangePercent, 9);
            Assert.Equal(before.ZScore, region.BaselineZScore);
        }
        var index = 40 + 48 * (80 * 96) + 30 * 80;
        Assert.Equal(followUp.Maps.Suvr.Data[index] - baseline.Maps.Suvr.Data[index], second.ChangeMap!.Data[index], 5);
        // Each stored result carries the time it was measured, from the injected clock.
        var stored = blobs.List("quantification/").Where(key => key.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, stored.Count);
        foreach (var key in stored)
        {
            var json = System.Text.Encoding.UTF8.GetString(await blobs.GetAsync(key, CancellationToken.None));
            Assert.Contains("2026-02-10T09:30:00+00:00", json, StringComparison.Ordinal);
        }
        // The store holds the hash, never the identifier.
        Assert.DoesNotContain(blobs.List("quantification/"), key => key.Contains("P-1", StringComparison.Ordinal));
    }

    private PetSeries Simulate(int seed)
    {
        var folder = Path.Combine(_root, $"s{seed}");
        PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed, Group = SubjectGroup.Healthy }, folder);
        return PetSeriesLoader.Load(Directory.GetFiles(folder, "*.dcm").Select(path => DicomFile.Open(path).Dataset).ToList());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
