using System.Diagnostics;
using System.Globalization;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Tests.Support;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Benchmarks;

/// <summary>
/// `-- elastix [CASES]`: on the same simulated studies, times our full quantification and Debian
/// elastix's affine registration alone (wall clock, one after the other, 2 threads each) and prints
/// both accuracies against the simulation's true head position, one line per study plus the medians.
/// </summary>
public static class ElastixComparison
{
    public static int Run(int cases)
    {
        var root = Path.Combine(Path.GetTempPath(), "ampacds-elastix-bench-" + Environment.ProcessId);
        var options = new QuantificationOptions();
        var reference = QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm);
        var quantifier = new StudyQuantifier(reference, options, ActiveNormativeDatabase.Load(null));
        var ours = new List<(double Seconds, double Cpu, double Mm, double Deg)>();
        var theirs = new List<(double Seconds, double Cpu, double Mm, double Deg)>();
        var self = Process.GetCurrentProcess();
        try
        {
            quantifier.Quantify(SimulatedStudy.Create(1000, Path.Combine(root, "warmup")).Series); // JIT, thread pool
            for (var seed = 1001; seed < 1001 + cases; seed++)
            {
                var study = SimulatedStudy.Create(seed, Path.Combine(root, $"s{seed}"));
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = quantifier.Quantify(study.Series);
                var oursSeconds = watch.Elapsed.TotalSeconds;
                self.Refresh();
                var oursCpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
                // Our registration result again for its transform (Quantify keeps only quality figures): same input, same answer.
                var suv = VolumeAssembler.Assemble(study.Series.Slices);
                var registration = AffineRegistration.Register(suv, reference.Registration);
                var elastix = ElastixAffine.Register(suv, reference.Template, Path.Combine(root, $"e{seed}"));

                ours.Add((oursSeconds, oursCpu, RegistrationError.MeanDisplacementMm(reference.Atlas, study.TemplateToScanner, registration.TemplateToMoving),
                    RegistrationError.RotationDegrees(study.TemplateToScanner, registration.TemplateToMoving)));
                theirs.Add((elastix.Elapsed.TotalSeconds, elastix.CpuSeconds, RegistrationError.MeanDisplacementMm(reference.Atlas, study.TemplateToScanner, elastix.FixedToMoving),
                    RegistrationError.RotationDegrees(study.TemplateToScanner, elastix.FixedToMoving)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"study {seed}: ours full quantification {ours[^1].Seconds:F2} s wall / {ours[^1].Cpu:F2} s CPU, registration error {ours[^1].Mm:F2} mm / {ours[^1].Deg:F2} deg (similarity {result.Registration.Similarity:F3}); " +
                    $"elastix affine alone {theirs[^1].Seconds:F2} s wall / {theirs[^1].Cpu:F2} s CPU, error {theirs[^1].Mm:F2} mm / {theirs[^1].Deg:F2} deg"));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        var speedup = Median(theirs.Select(t => t.Seconds)) / Median(ours.Select(o => o.Seconds));
        var cpuSpeedup = Median(theirs.Select(t => t.Cpu)) / Median(ours.Select(o => o.Cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over {cases}: ours {Median(ours.Select(o => o.Seconds)):F2} s wall, {Median(ours.Select(o => o.Cpu)):F2} s CPU, {Median(ours.Select(o => o.Mm)):F2} mm, {Median(ours.Select(o => o.Deg)):F2} deg | " +
            $"elastix {Median(theirs.Select(t => t.Seconds)):F2} s wall, {Median(theirs.Select(t => t.Cpu)):F2} s CPU, {Median(theirs.Select(t => t.Mm)):F2} mm, {Median(theirs.Select(t => t.Deg)):F2} deg | " +
            $"speed-up {speedup:F1}x wall, {cpuSpeedup:F1}x CPU"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
