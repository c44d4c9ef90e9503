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
/// InstanceIntake timed on its own over the series, then InstanceIntake.AcceptAsync end to end. Sequential, like a
/// storescu association (one C-STORE outstanding at a time).
/// </summary>
public static class IntakePathProfile
{
    public static async Task RunAsync(string seriesFolder)
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), "ampacds-intake-profile-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:DataRoot"] = dataRoot,
            ["AmpaCds:Intake:ListenerEnabled"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddServiceDefaults(configuration);
        services.AddIntakeServices(configuration);
        await using var provider = services.BuildServiceProvider();
        var blobs = provider.GetRequiredService<IBlobStore>();
        var intake = provider.GetRequiredService<InstanceIntake>();
        var syntax = TransferSyntax.ExplicitVRLittleEndian;
        var received = Directory.GetFiles(seriesFolder, "*.dcm").Order(StringComparer.Ordinal)
            .Select(p => DicomDatasetWriter.Write(DicomFile.Open(p).Dataset, syntax)).ToArray();
        try
        {
            for (var round = 0; round < 2; round++) // first round warms up the JIT; the second is reported
            {
                var steps = new Dictionary<string, TimeSpan>();
                void Add(string step, long start) => steps[step] = steps.GetValueOrDefault(step) + Stopwatch.GetElapsedTime(start);
                var prefix = $"r{round}/";
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
                    _ = blobs.AvailableFreeBytes();
                    Add("free-space check", t);
                    t = Stopwatch.GetTimestamp();
                    var reencoded = DicomFile.Create(ds, syntax.Uid).ToBytes();
                    Add("re-encode (today)", t);
                    t = Stopwatch.GetTimestamp();
                    _ = DicomPart10Writer.Write(raw, syntax.Uid, ds.GetString(DicomTags.SOPClassUID)!, sop);
                    Add("wrap raw (proposed)", t);
                    t = Stopwatch.GetTimestamp();
                    await blobs.PutAsync($"{prefix}{sop}.dcm", reencoded);
                    Add("write + fsync + rename", t);
                }
                var total = Stopwatch.GetTimestamp();
                foreach (var raw in received)
                {
                    var ds = DicomDatasetReader.Read(raw, syntax);
                    _ = await intake.AcceptAsync(raw, syntax, ds.GetString(DicomTags.SOPClassUID)!, ds.GetString(DicomTags.SOPInstanceUID)!,
                        "profile", CancellationToken.None);
                }
                steps["InstanceIntake.AcceptAsync end to end (+1 parse)"] = Stopwatch.GetElapsedTime(total);
                if (round == 0) continue;
                Console.WriteLine($"Intake path over {received.Length} instances (ms per instance):");
                foreach (var (step, time) in steps) Console.WriteLine($"  {step,-50} {time.TotalMilliseconds / received.Length,8:0.000}");
            }
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }
}
