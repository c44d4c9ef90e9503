using System.Globalization;
using AmpaCds.Quantification.Benchmarks;
using BenchmarkDotNet.Running;

// `-- elastix [CASES]` runs the elastix comparison, `-- stages [STUDIES]` the CPU per stage; anything else goes to
// BenchmarkDotNet (e.g. `--filter '*'`).
if (args.Length > 0 && args[0] == "elastix")
{
    return ElastixComparison.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
}

if (args.Length > 0 && args[0] == "stages")
{
    return StageTimings.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
}
BenchmarkSwitcher.FromAssembly(typeof(QuantificationBenchmarks).Assembly).Run(args);
return 0;
