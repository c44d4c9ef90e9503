using AmpaCds.Dicom;
using AmpaCds.Domain.Clinical;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Quantification.Tests.Persistence.Support;
using AmpaCds.Research.Simulation;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AmpaCds.Quantification.Tests.Longitudinal;

/// <summary>Two studies of one patient through the database: the second finds the first as its baseline.</summary>
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
        await using var database = new SqliteTestDatabase();
        await using var services = await QuantificationTestServices.BuildAsync(database, clock);
        // As the handler does: compare (read only), then store the current study with the effect.
        Task<FollowUpComparison> MeasureAsync(PetSeries series, QuantificationResult result, string? suvrMap) =>
            services.InScopeAsync(async scope =>
            {
                var repository = scope.GetRequiredService<StudyResultRepository>();
                var comparison = await new FollowUpTracker(repository, writer, Options, clock).CompareWithBaselineAsync(series, result, suvrMap, CancellationToken.None);
                repository.AddResult(comparison.PatientKey, "", comparison.Current);
                await scope.GetRequiredService<QuantificationDbContext>().SaveChangesAsync();
                return comparison;
            });
        var quantifier = new StudyQuantifier(QuantificationReference.BuiltIn(Options.TemplateSmoothingFwhmMm), Options, ActiveNormativeDatabase.Load(null));

        // Two different virtual subjects stand in for one patient's two scans: the change is then their difference.
        var baselineSeries = Simulate(61) with { PatientId = "P-1", StudyDate = new DateOnly(2026, 1, 10) };
        var followUpSeries = Simulate(62) with { PatientId = "P-1", StudyDate = new DateOnly(2026, 2, 10) };
        var otherPatient = Simulate(62) with { PatientId = "P-2", StudyInstanceUid = "1.2.3.999", StudyDate = new DateOnly(2026, 3, 1) };

        var baseline = quantifier.Quantify(baselineSeries);
        var baselineMap = await writer.WriteAsync(baselineSeries.StudyInstanceUid, baselineSeries.SeriesInstanceUid, "suvr", baseline.Maps.Suvr, CancellationToken.None);
        var first = await MeasureAsync(baselineSeries, baseline, baselineMap);
        var followUp = quantifier.Quantify(followUpSeries);
        var second = await MeasureAsync(followUpSeries, followUp, null);
        var unrelated = await MeasureAsync(otherPatient, followUp, null);

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
        // Each stored result carries the time it was measured, from the injected clock, and the key, never the identifier.
        var stored = await services.QueryAsync(db => db.StudyResults.ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.All(stored, row => Assert.Equal(clock.GetUtcNow().UtcTicks, row.MeasuredAtUtcTicks));
        Assert.Equal(2, stored.Count(row => row.PatientKey == PatientKey.For("P-1", Options.PatientKeySecret)));
        Assert.Single(stored, row => row.PatientKey == PatientKey.For("P-2", Options.PatientKeySecret));
        Assert.DoesNotContain(stored, row => row.PatientKey!.Contains("P-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFollowUpMeasuredWithAnotherPartialVolumeCorrectionIsNotComparedAndSaysWhy()
    {
        var writer = new ParametricMapWriter(new FileSystemBlobStore(Path.Combine(_root, "blobs")));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));
        await using var database = new SqliteTestDatabase();
        await using var services = await QuantificationTestServices.BuildAsync(database, clock);
        var gtmOptions = new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = "gtm" } };
        Task<FollowUpComparison> MeasureAsync(QuantificationOptions options, PetSeries series, QuantificationResult result) =>
            services.InScopeAsync(async scope =>
            {
                var repository = scope.GetRequiredService<StudyResultRepository>();
                var comparison = await new FollowUpTracker(repository, writer, options, clock).CompareWithBaselineAsync(series, result, null, CancellationToken.None);
                repository.AddResult(comparison.PatientKey, "", comparison.Current);
                await scope.GetRequiredService<QuantificationDbContext>().SaveChangesAsync();
                clock.Advance(TimeSpan.FromDays(1));
                return comparison;
            });
        var reference = QuantificationReference.BuiltIn(Options.TemplateSmoothingFwhmMm);
        var first = Simulate(63);
        var second = Simulate(64);
        var plainFirst = new StudyQuantifier(reference, Options).Quantify(first);
        var gtmFirst = new StudyQuantifier(reference, gtmOptions).Quantify(first);
        var gtmSecond = new StudyQuantifier(reference, gtmOptions).Quantify(second);

        // Patient 3: baseline uncorrected, follow-up with GTM.
        await MeasureAsync(Options, first with { PatientId = "P-3", StudyInstanceUid = "3.1", StudyDate = new DateOnly(2026, 1, 10) }, plainFirst);
        var mismatched = await MeasureAsync(gtmOptions, second with { PatientId = "P-3", StudyInstanceUid = "3.2", StudyDate = new DateOnly(2026, 2, 10) }, gtmSecond);
        // Patient 4: both with GTM, compared as before.
        await MeasureAsync(gtmOptions, first with { PatientId = "P-4", StudyInstanceUid = "4.1", StudyDate = new DateOnly(2026, 1, 10) }, gtmFirst);
        var matched = await MeasureAsync(gtmOptions, second with { PatientId = "P-4", StudyInstanceUid = "4.2", StudyDate = new DateOnly(2026, 2, 10) }, gtmSecond);

        Assert.Null(mismatched.Change);
        Assert.Null(mismatched.ChangeMap);
        Assert.Equal("the baseline study was measured with partial-volume correction 'none', the study was measured with 'gtm'",
            mismatched.NotComparedReason);
        Assert.Equal(("gtm", (double?)5.0), (mismatched.Current.PartialVolumeMethod, mismatched.Current.PartialVolumeFwhmMm));

        Assert.Null(matched.NotComparedReason);
        Assert.Equal("4.1", matched.Change!.BaselineStudyInstanceUid);
        var thalamus = matched.Change.Regions.Single(region => region.Name == "thalamus");
        Assert.Equal(gtmSecond.Regions.Single(r => r.Name == "thalamus").Suvr - gtmFirst.Regions.Single(r => r.Name == "thalamus").Suvr, thalamus.SuvrChange, 12);
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
