using AmpaCds.Quantification.Longitudinal;
using AmpaCds.Quantification.Persistence;
using AmpaCds.Quantification.Persistence.Migrations;
using AmpaCds.Quantification.Tests.Persistence.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Quantification.Tests.Persistence;

/// <summary>The baseline lookup and the stored shape of a study result, on the database (each provider below).</summary>
public abstract class StudyResultRepositoryTests : IAsyncLifetime
{
    private const string Patient = "patient-key-1";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private TestDatabase? _database;
    private ServiceProvider? _services;

    private ServiceProvider Services => _services!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _services = await QuantificationTestServices.BuildAsync(_database, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheInitialMigrationIsTheOneApplied()
    {
        var applied = await Services.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal([InitialQuantification.Id, "2026120503_OutboxTraceParent", "2026120604_StudyResultPartialVolume"], applied);
    }

    [Fact]
    public async Task TheBaselineIsTheEarliestOtherStudyOfThePatientOnTheSameAtlasAndReference()
    {
        var baseline = Study("A", new DateOnly(2026, 1, 10), T0, suvr: 1.25, z: -2.5);
        await SaveAsync(Patient, baseline,
            Study("later", new DateOnly(2026, 3, 1), T0),
            Study("other-atlas", new DateOnly(2025, 12, 1), T0, atlas: "atlas-2"),
            Study("other-reference", new DateOnly(2025, 11, 1), T0, reference: "cerebellum"),
            // The current study measured before is not its own baseline, however early.
            Study("CUR", new DateOnly(2025, 1, 1), T0));
        await SaveAsync("patient-key-2", Study("other-patient", new DateOnly(2025, 10, 1), T0));
        await SaveAsync(null, Study("unlinked", new DateOnly(2025, 10, 1), T0));

        var found = await FindAsync(Patient, Study("CUR", new DateOnly(2026, 2, 10), T0.AddDays(40)));

        Assert.NotNull(found);
        Assert.Equal("A", found.StudyInstanceUid);
        Assert.Equal("A.1", found.SeriesInstanceUid);
        Assert.Equal(new DateOnly(2026, 1, 10), found.StudyDate);
        Assert.Equal(T0, found.MeasuredAt);
        Assert.Equal("maps/A", found.SuvrMapKey);
        Assert.Equal(baseline.Regions, found.Regions);
    }

    [Fact]
    public async Task ASameDayStudyIsTheBaselineOnlyWhenMeasuredBefore()
    {
        var day = new DateOnly(2026, 1, 10);
        await SaveAsync(Patient, Study("S", day, T0.AddHours(1)));

        Assert.Null(await FindAsync(Patient, Study("CUR", day, T0)));
        Assert.Equal("S", (await FindAsync(Patient, Study("CUR", day, T0.AddHours(2))))?.StudyInstanceUid);
    }

    [Fact]
    public async Task UndatedStudiesAreOrderedByMeasurementTimeAndAfterDatedOnes()
    {
        await SaveAsync(Patient,
            Study("undated", null, T0),
            Study("dated", new DateOnly(2026, 1, 5), T0.AddHours(1)));

        // Both qualify (one by date, one by time): the dated one comes first.
        Assert.Equal("dated", (await FindAsync(Patient, Study("CUR", new DateOnly(2026, 2, 1), T0.AddHours(2))))?.StudyInstanceUid);
        // An undated current study compares by time only: "dated" was measured after it.
        Assert.Equal("undated", (await FindAsync(Patient, Study("CUR", null, T0.AddMinutes(30))))?.StudyInstanceUid);
        // A dated current study before "dated": only the undated one, measured earlier, remains.
        Assert.Equal("undated", (await FindAsync(Patient, Study("CUR", new DateOnly(2026, 1, 1), T0.AddHours(2))))?.StudyInstanceUid);
        Assert.Null(await FindAsync(Patient, Study("CUR", null, T0.AddMinutes(-1))));
    }

    [Fact]
    public async Task ABaselineMeasuredTwiceIsComparedAsItsLatestMeasurement()
    {
        var day = new DateOnly(2026, 1, 10);
        await SaveAsync(Patient, Study("A", day, T0, suvr: 1.0), Study("A", day, T0.AddDays(1), suvr: 1.2));

        var found = await FindAsync(Patient, Study("CUR", new DateOnly(2026, 2, 10), T0.AddDays(2)));

        Assert.Equal(1.2, Assert.Single(found!.Regions).Suvr);
        Assert.Equal(T0.AddDays(1), found.MeasuredAt);
    }

    [Fact]
    public async Task ThePartialVolumeCorrectionOfEachStudyIsStoredAndReadBack()
    {
        await SaveAsync(Patient,
            Study("G", new DateOnly(2026, 1, 5), T0) with { PartialVolumeMethod = "gtm", PartialVolumeFwhmMm = 5.5 },
            Study("N", new DateOnly(2026, 1, 6), T0.AddHours(1)) with { PartialVolumeMethod = "none" });

        var rows = await Services.QueryAsync(db => db.StudyResults.AsNoTracking().OrderBy(row => row.StudyInstanceUid).ToListAsync());
        Assert.Equal([("G", "gtm", (double?)5.5), ("N", "none", null)],
            rows.Select(row => (row.StudyInstanceUid, row.PartialVolumeMethod, row.PartialVolumeFwhmMm)));

        var baseline = await FindAsync(Patient, Study("CUR", new DateOnly(2026, 2, 1), T0.AddDays(30)));
        Assert.Equal(("G", "gtm", (double?)5.5), (baseline!.StudyInstanceUid, baseline.PartialVolumeMethod, baseline.PartialVolumeFwhmMm));
    }

    [Fact]
    public async Task StoredRegionsAreQuantificationsOwnJsonShape()
    {
        await SaveAsync(Patient, new StoredStudyResult("J", "J.1", null, T0, "whole_brain", "atlas-1",
            [new StoredRegion("thalamus", 1.25, -2.5), new StoredRegion("caudate", 0.5, null), new StoredRegion("outside", double.NaN, null)], null));

        var row = await Services.QueryAsync(db => db.StudyResults.SingleAsync());

        // Changing this string changes what is on disk: it needs a migration of stored rows, not just a code change.
        Assert.Equal("""[{"name":"thalamus","suvr":1.25,"zScore":-2.5},{"name":"caudate","suvr":0.5,"zScore":null},{"name":"outside","suvr":"NaN","zScore":null}]""",
            row.Regions);
        Assert.Equal(Patient, row.PatientKey);
        Assert.Equal("input-J", row.InputHash);
        Assert.Equal(T0.UtcTicks, row.MeasuredAtUtcTicks);
        Assert.True(double.IsNaN(StoredRegionsJson.Deserialize(row.Regions)[2].Suvr));
    }

    private static StoredStudyResult Study(string uid, DateOnly? date, DateTimeOffset measuredAt, string atlas = "atlas-1",
        string reference = "whole_brain", double suvr = 1.0, double? z = 0.5) =>
        new(uid, uid + ".1", date, measuredAt, reference, atlas, [new StoredRegion("thalamus", suvr, z)], "maps/" + uid);

    private Task SaveAsync(string? patientKey, params StoredStudyResult[] results) =>
        Services.InScopeAsync(async scope =>
        {
            var repository = scope.GetRequiredService<StudyResultRepository>();
            foreach (var result in results)
            {
                repository.AddResult(patientKey, "input-" + result.StudyInstanceUid, result);
            }
            return await scope.GetRequiredService<QuantificationDbContext>().SaveChangesAsync();
        });

    private Task<StoredStudyResult?> FindAsync(string patientKey, StoredStudyResult current) =>
        Services.InScopeAsync(scope => scope.GetRequiredService<StudyResultRepository>().FindBaselineAsync(patientKey, current, CancellationToken.None));
}

public sealed class SqliteStudyResultRepositoryTests : StudyResultRepositoryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresStudyResultRepositoryTests : StudyResultRepositoryTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
