using AmpaCds.Benchmarks;
using AmpaCds.Conformance.Tests;
using BenchmarkDotNet.Running;

// write-series DIR N [SEED] [DECLARED]: N-instance 128x128 16-bit PET series (one file per slice) for deploy/bench-intake.sh;
//                              DECLARED overrides Number of Slices so Intake never sees the series complete (no quantification
//                              runs in the background while the C-STORE path is being timed)
// profile-intake DIR         : per-step cost of Intake's C-STORE path in-process (parse, validate, encode, fsync)
// parse DIR [BDN args...]    : BenchmarkDotNet parse throughput of the series in DIR (MB/s column), Intake's
//                              per-instance store path (re-encode vs raw bytes) and lossless frame decoding on the same series
switch (args)
{
    case ["write-series", var dir, var count, ..]:
        var seed = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var files = PetSeriesFiles.Write(dir, seed, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length > 4)
        {
            var declared = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var path in files)
            {
                var file = AmpaCds.Dicom.DicomFile.Open(path);
                file.Dataset.AddOrUpdate(AmpaCds.Dicom.DicomTags.NumberOfSlices, AmpaCds.Dicom.DicomVR.US, declared);
                file.Save(path);
            }
        }
        Console.WriteLine($"wrote {files.Count} instances to {dir}");
        return 0;
    case ["parse", var dir, ..]:
        Environment.SetEnvironmentVariable(SeriesParseBenchmarks.SeriesFolderVariable, Path.GetFullPath(dir));
        BenchmarkRunner.Run([typeof(SeriesParseBenchmarks), typeof(Part10StoreBenchmarks), typeof(FrameDecodeBenchmarks)], args: args[2..]);
        return 0;
    case ["profile-intake", var dir, ..]:
        await IntakePathProfile.RunAsync(dir);
        return 0;
    default:
        Console.Error.WriteLine("usage: write-series DIR N [SEED] [DECLARED] | profile-intake DIR | parse DIR [BenchmarkDotNet options]");
        return 2;
}
