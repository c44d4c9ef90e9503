using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Quantification.Benchmarks;

/// <summary>
/// The per-study cost in the service: the template and normative database are prepared once at start-up
/// (as ReferenceWarmup does), so they are set up here, not measured.
/// </summary>
// In-process: no second build of a generated project on a shared 2-core machine.
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(8)]
public class QuantificationBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-bench-" + Environment.ProcessId);
    private SimulatedStudy _study = null!;
    private StudyQuantifier _quantifier = null!;
    private QuantificationReference _reference = null!;
    private StudyQuantifier _gtm = null!;
    private StudyQuantifier _rbv = null!;

    [GlobalSetup]
    public void Setup()
    {
        _study = SimulatedStudy.Create(seed: 5, _folder);
        var options = new QuantificationOptions();
        _reference = QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm);
        _quantifier = new StudyQuantifier(_reference, options, ActiveNormativeDatabase.Load(null));
        _gtm = WithPartialVolume("gtm");
        _rbv = WithPartialVolume("rbv");
    }

    // The first study builds the transfer matrix, as the service's first study does; the benchmarks measure the ones after it.
    private StudyQuantifier WithPartialVolume(string method)
    {
        var quantifier = new StudyQuantifier(_reference,
            new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = method } }, ActiveNormativeDatabase.Load(null));
        quantifier.Quantify(_study.Series);
        return quantifier;
    }

    /// <summary>Assembly, SUV, registration, regional statistics, z-scores and template-space maps.</summary>
    [Benchmark]
    public QuantificationResult FullQuantification() => _quantifier.Quantify(_study.Series);

    /// <summary>The same with the geometric transfer matrix correction (issue 15; target under 2 s per study).</summary>
    [Benchmark]
    public QuantificationResult FullQuantificationGtm() => _gtm.Quantify(_study.Series);

    /// <summary>The same with region-based voxel-wise correction: one more smoothing and the corrected maps.</summary>
    [Benchmark]
    public QuantificationResult FullQuantificationRbv() => _rbv.Quantify(_study.Series);

    /// <summary>One smoothing per atlas region plus the background: paid once per atlas and resolution.</summary>
    [Benchmark]
    public GeometricTransferMatrix BuildTransferMatrix() => GeometricTransferMatrix.Create(_reference.Atlas, EffectiveResolution.FwhmMm(5, 2, 2));

    [Benchmark]
    public RegistrationResult RegistrationOnly() =>
        AffineRegistration.Register(VolumeAssembler.Assemble(_study.Series.Slices), _reference.Registration);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
