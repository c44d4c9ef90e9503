using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using BenchmarkDotNet.Attributes;

namespace AmpaCds.Quantification.Benchmarks;

/// <summary>
/// A study's quantification with each partial-volume correction (target under 2 s), and the one-time cost of the
/// transfer matrix, which the service pays at its first study per resolution and then keeps.
/// </summary>
// In-process: no second build of a generated project on a shared 2-core machine.
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(8)]
public class PartialVolumeBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-pvc-bench-" + Environment.ProcessId);
    private readonly Dictionary<string, StudyQuantifier> _quantifiers = [];
    private SimulatedStudy _study = null!;
    private BrainAtlas _atlas = null!;

    [Params("none", "gtm", "rbv")]
    public string Method { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _study = SimulatedStudy.Create(seed: 5, _folder);
        var reference = QuantificationReference.BuiltIn(new QuantificationOptions().TemplateSmoothingFwhmMm);
        _atlas = reference.Atlas;
        var options = new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = Method } };
        _quantifiers[Method] = new StudyQuantifier(reference, options, ActiveNormativeDatabase.Load(null));
        _quantifiers[Method].Quantify(_study.Series); // builds the transfer matrix once, as the service's first study does
    }

    /// <summary>Everything <see cref="QuantificationBenchmarks.FullQuantification"/> does, plus the correction.</summary>
    [Benchmark]
    public QuantificationResult Quantify() => _quantifiers[Method].Quantify(_study.Series);

    /// <summary>One smoothing per atlas region plus the background: paid once per atlas and resolution.</summary>
    [Benchmark]
    public GeometricTransferMatrix BuildTransferMatrix() => GeometricTransferMatrix.Create(_atlas, EffectiveResolution.FwhmMm(5, 2, 2));

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
