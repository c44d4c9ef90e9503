using System.Diagnostics;
using AmpaCds.Dicom;
using AmpaCds.Intake;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Validation;
using AmpaCds.ServiceDefaults;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Benchmarks;

/// <summary>
/// `profile-intake DIR`: where Intake's per-instance time goes, in-process, without the network: each step of
/// InstanceIntake timed on its own over the series, then InstanceIntake.AcceptAsync end to end, with the
/// journal (default) and without it (every instance fsynced as its own file). Sequential, like a storescu
/// association (one C-STORE outstanding at a time). Each round stores into a fresh data folder, so every
/// instance is a new file, as in practice.
/// </summary>
public static class IntakePathProfile
{
    public static async Task RunAsync(string seriesFolder)
    {
        var syntax = TransferSyntax.ExplicitVRLittleEndian;
        var received = Directory.GetFiles(seriesFolder, "*.dcm").Order(StringComparer.Ordinal)
            .Select(p => DicomDatasetWriter.Write(DicomFile.Open(p).Dataset, syntax)).ToArray();
        for (var round = 0; round < 2; round++) // first round warms up the JIT; the second is reported
        {
            var steps = new Dictionary<string, TimeSpan>();
            await ProfileStepsAsync(received, syntax, steps);
            (steps["InstanceIntake.AcceptAsync, journal (+1 parse)"], steps["  ... until every file is written"]) =
                await TimeAcceptAsync(received, syntax, journal: true);
            (steps["InstanceIntake.AcceptAsync, fsync per file (+1 parse)"], _) = await TimeAcceptAsync(received, syntax, journal: false);
            if (round == 0) continue;
            Console.WriteLine($"Intake path over {received.Length} instances (ms per instance):");
            foreach (var (step, time) in steps) Console.WriteLine($"  {step,-58} {time.TotalMilliseconds / received.Length,8:0.000}");
            DeviceFlushProfile.Run(Path.GetTempPath());
        }
    }

    private static async Task ProfileStepsAsync(byte[][] received, TransferSyntax syntax, Dictionary<string, TimeSpan> steps)
    {
        await using var intake = IntakeInstance.Create(journal: true);
        void Add(string step, long start) => steps[step] = steps.GetValueOrDefault(step) + Stopwatch.GetElapsedTime(start);
        foreach (var raw in received)
        {
            var t = Stopwatch.GetTimestamp();
            var ds = DicomDatasetReader.Read(raw, syntax);
            Add("parse", t);
            var sop = ds.GetString(DicomTags.SOPInstanceUID)!;
            t = Stopwatch.GetTimestamp();
            _ = PetInstanceValidator.Validate(ds, ds.GetString(DicomTags.SOPClassUID)!, sop);
            Add("validate", t);
            t = Stopwatch.GetTimestamp();
            _ = intake.Blobs.AvailableFreeBytes();
            Add("free-space check", t);
            t = Stopwatch.GetTimestamp();
            var file = DicomPart10Writer.Write(raw, syntax.Uid, ds.GetString(DicomTags.SOPClassUID)!, sop);
            Add("wrap received bytes as Part 10", t);
            t = Stopwatch.GetTimestamp();
            await intake.Blobs.PutAsync($"steps/{sop}.dcm", file);
            Add("one file: write + fsync + rename", t);
        }
    }

    /// <summary>Time until the last answer, and until the last instance file is readable.</summary>
    private static async Task<(TimeSpan Answered, TimeSpan Visible)> TimeAcceptAsync(byte[][] received, TransferSyntax syntax, bool journal)
    {
        await using var intake = IntakeInstance.Create(journal);
        var start = Stopwatch.GetTimestamp();
        foreach (var raw in received)
        {
            var ds = DicomDatasetReader.Read(raw, syntax);
            _ = await intake.Intake.AcceptAsync(raw, syntax, ds.GetString(DicomTags.SOPClassUID)!, ds.GetString(DicomTags.SOPInstanceUID)!,
                "profile", CancellationToken.None);
        }
        var answered = Stopwatch.GetElapsedTime(start);
        await intake.Store.WhenVisibleAsync();
        return (answered, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Intake's real parts over a fresh temporary data folder; the journal is created before timing starts.</summary>
    private sealed class IntakeInstance : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly string _dataRoot;

        private IntakeInstance(ServiceProvider provider, string dataRoot)
        {
            _provider = provider;
            _dataRoot = dataRoot;
        }

        public IBlobStore Blobs => _provider.GetRequiredService<IBlobStore>();

        public InstanceIntake Intake => _provider.GetRequiredService<InstanceIntake>();

        public DurableInstanceStore Store => _provider.GetRequiredService<DurableInstanceStore>();

        public static IntakeInstance Create(bool journal)
        {
            var dataRoot = Path.Combine(Path.GetTempPath(), "ampacds-intake-profile-" + Guid.NewGuid().ToString("N")[..8]);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AmpaCds:DataRoot"] = dataRoot,
                ["AmpaCds:Intake:ListenerEnabled"] = "false",
                ["AmpaCds:Intake:Journal:Enabled"] = journal ? "true" : "false",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddServiceDefaults(configuration);
            services.AddIntakeServices(configuration);
            var provider = services.BuildServiceProvider();
            provider.GetRequiredService<DurableInstanceStore>().Open();
            return new IntakeInstance(provider, dataRoot);
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            if (Directory.Exists(_dataRoot))
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
        }
    }
}
