using System.Text.Json;
using AmpaCds.Domain.Clinical;
using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Statistics;
using AmpaCds.Imaging;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Research.Simulation;

/// <summary>
/// A virtual subject's [11C]K-2 study: regional density from the effect model painted on the
/// atlas, placed in the scanner at a random head position, blurred by the scanner's PSF, made
/// noisy, converted to activity and written as a DICOM PET series with truth.json beside it.
/// </summary>
public static class PetStudySimulator
{
    public const string TruthFileName = "truth.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static SimulationTruth Simulate(PetAcquisitionOptions options, string outputFolder) =>
        Simulate(options, outputFolder, DrawSubject(options));

    /// <summary>Scans a given virtual subject, e.g. one of a simulated cohort, so the pipeline can measure its features.</summary>
    public static SimulationTruth Simulate(PetAcquisitionOptions options, string outputFolder, VirtualSubject subject)
    {
        var random = new Random(options.Seed);
        var atlas = BuiltInAtlas.Create();
        var templateSuv = atlas.Paint(subject.BaselineDensity);
        var head = HeadPosition.Random(random, options.MaxTranslationMm, options.MaxRotationDegrees);
        var templateToScanner = head.TemplateToScanner();

        var scanner = VolumeGeometry.Centred(options.Columns, options.Rows, options.Slices,
            new Point3(options.PixelSpacingMm, options.PixelSpacingMm, options.SliceSpacingMm), Point3.Zero);
        var blurred = GaussianFilter.Smooth(Resampler.Resample(templateSuv, templateToScanner.Inverse(), scanner), options.PsfFwhmMm);
        var noisy = AddNoise(blurred, options.NoiseFraction, random);

        var weightKg = Math.Round(55 + random.NextDouble() * 35, 1);
        var doseBq = options.InjectedActivityMBq * 1e6;
        var decay = Math.Exp(-Math.Log(2) * options.UptakeMinutes * 60 / options.HalfLifeSeconds);
        var suvFactor = weightKg * 1000 / (doseBq * decay);
        var activity = noisy.Scaled(1 / suvFactor);

        var patientId = string.IsNullOrEmpty(options.PatientId) ? $"SYN{options.Seed:D6}" : options.PatientId;
        var meta = new PetSeriesMetadata(
            string.IsNullOrEmpty(options.PatientName) ? $"Synthetic^Subject {options.Seed}" : options.PatientName,
            patientId, subject.Sex == Sex.Female ? "F" : "M", subject.Age, weightKg,
            SyntheticUids.For(options.Seed, "study"), SyntheticUids.For(options.Seed, "series"), SyntheticUids.For(options.Seed, "frame-of-reference"),
            options.InjectionTime, options.InjectionTime.AddMinutes(options.UptakeMinutes), options.FrameDurationMinutes * 60_000,
            doseBq, options.HalfLifeSeconds) { ReferringPhysicianName = options.ReferringPhysicianName };
        PetDicomSeriesWriter.Write(activity, meta, outputFolder);

        var ideal = RegionalStatistics.Compute(blurred, templateToScanner, atlas);
        var truth = new SimulationTruth(options.Seed, meta.StudyInstanceUid, meta.SeriesInstanceUid, patientId,
            Describe(subject), subject.BaselineDensity, Suvr(RegionalStatistics.Compute(templateSuv, Affine.Identity, atlas)),
            Suvr(ideal), ideal.Means().Where(pair => pair.Key != BrainAtlas.WholeBrainName).ToDictionary(),
            suvFactor, doseBq, weightKg, head,
            templateToScanner.ToArray(), atlas.Version, options.PsfFwhmMm, options.NoiseFraction);
        File.WriteAllText(Path.Combine(outputFolder, TruthFileName), JsonSerializer.Serialize(truth, Json));
        return truth;
    }

    public static SimulationTruth ReadTruth(string folder) =>
        JsonSerializer.Deserialize<SimulationTruth>(File.ReadAllText(Path.Combine(folder, TruthFileName)), Json)
        ?? throw new InvalidDataException($"{TruthFileName} in {folder} is empty");

    private static VirtualSubject DrawSubject(PetAcquisitionOptions options)
    {
        var cohort = new CohortOptions { TrdShare = options.Group == SubjectGroup.Trd ? 1 : 0, KetamineShareOfTrd = 1 };
        return CohortSimulator.Simulate(1, options.Seed, cohort)[0];
    }

    private static IReadOnlyDictionary<string, double> Suvr(RegionalStatisticsResult statistics) =>
        statistics.Regions.ToDictionary(region => region.Name, region => region.Mean / statistics.WholeBrain.Mean);

    /// <summary>Poisson-like noise: the SD grows with the square root of the local uptake.</summary>
    private static Volume AddNoise(Volume image, double fraction, Random random)
    {
        var noisy = image.Clone();
        var data = noisy.Data;
        var brainMean = data.Where(v => v > 0.1).DefaultIfEmpty(1f).Average();
        for (var i = 0; i < data.Length; i++)
        {
            var sd = fraction * Math.Sqrt(Math.Max(data[i], 0) * brainMean);
            data[i] = (float)Math.Max(0, data[i] + sd * Gaussian(random));
        }
        return noisy;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static SubjectTruth Describe(VirtualSubject subject) => new(subject.Group.ToString(), subject.Age, subject.Sex.ToString(),
        subject.BaselineMadrs, subject.Arm.ToString(), subject.FollowUpMadrs, subject.MadrsChangePercent, subject.Responder);
}
