using System.Diagnostics;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging.Statistics;
using AmpaCds.Imaging.Suv;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Benchmarks;

/// <summary>
/// CPU and wall time per stage of one study, for finding where Quantification's CPU goes (`run.sh stages`). The stages
/// are timed one by one as the service runs them, then the whole <see cref="StudyQuantifier.Quantify"/> once more, so
/// the sum of the stages and the whole can be compared. CPU is the process's (worker threads and GC included); the
/// first studies warm the JIT up (hot loops start as unoptimised code) and are not counted.
/// </summary>
public static class StageTimings
{
    public static int Run(int studies, int warmup = 15)
    {
        string folder = Path.Combine(Path.GetTempPath(), "ampacds-stages-" + Environment.ProcessId);
        try
        {
            var study = SimulatedStudy.Create(seed: 5, folder);
            var options = new QuantificationOptions();
            var reference = QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm);
            var quantifier = new StudyQuantifier(reference, options, ActiveNormativeDatabase.Load(null));
            byte[][] files = Directory.GetFiles(folder, "*.dcm").Select(File.ReadAllBytes).ToArray();
            var timer = new StageTimer();
            for (int n = 0; n < warmup + studies; n++)
            {
                timer.Counting = n >= warmup;
                var series = timer.Time("load (DICOM to slices)", () => PetSeriesLoader.Load(files.Select(bytes => DicomFile.Open(bytes).Dataset).ToList()));
                var suv = SuvCalculator.ComputeBodyWeightFactor(series.SuvInputs, new SuvOptions { FallbackHalfLifeSeconds = options.FallbackHalfLifeSeconds });
                var image = timer.Time("assembly and SUV", () => FrameWindow.Sum(FrameAssembler.Assemble(series.Slices), null,
                    options.DynamicWindowStartMinutes, options.DynamicWindowEndMinutes).Scaled(suv.Factor));
                var registration = timer.Time("registration", () => AffineRegistration.Register(image, reference.Registration));
                var map = timer.Time("resampling to the template", () => Resampler.Resample(image, registration.TemplateToMoving, reference.Atlas.Geometry, float.NaN));
                timer.Time("regional statistics", () => RegionalStatistics.OnAtlasGrid(map, reference.Atlas));
                var result = timer.Time("whole Quantify (the above and the maps)", () => quantifier.Quantify(series));
                timer.Time("gzip NIfTI of the suv, suvr, z maps", () => new[] { result.Maps.Suv, result.Maps.Suvr, result.Maps.Z }
                    .Sum(map => map is null ? 0 : NiftiWriter.Encode(map, gzip: true).Length));
            }

            Console.WriteLine($"{studies} studies after {warmup} warm-up, {Environment.ProcessorCount} processors; mean per study:");
            timer.Print(studies);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class StageTimer
    {
        private readonly Dictionary<string, (double Cpu, double Wall)> _totals = [];
        private readonly Process _process = Process.GetCurrentProcess();

        public bool Counting { get; set; }

        public T Time<T>(string stage, Func<T> work)
        {
            _process.Refresh();
            TimeSpan cpu = _process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            T result = work();
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            _process.Refresh();
            if (Counting)
            {
                (double Cpu, double Wall) sum = _totals.GetValueOrDefault(stage);
                _totals[stage] = (sum.Cpu + (_process.TotalProcessorTime - cpu).TotalMilliseconds, sum.Wall + wall);
            }

            return result;
        }

        public void Print(int studies)
        {
            foreach ((string stage, (double cpu, double wall)) in _totals)
            {
                Console.WriteLine($"  {stage,-42} CPU {cpu / studies,7:F1} ms   wall {wall / studies,7:F1} ms");
            }
        }
    }
}
