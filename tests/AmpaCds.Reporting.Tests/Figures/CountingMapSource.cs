using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Tests.Figures;

/// <summary>
/// Test maps built from the atlas: SUVR = 1 + 0.1·label, z = +3 in the frontal cortex and −3 in the occipital cortex
/// (0 elsewhere), change = +0.2 in the thalamus. Counts calls so the cache tests can see whether the source was asked
/// again; an optional gate holds every call until released (concurrency test).
/// </summary>
public sealed class CountingMapSource : IParametricMapSource
{
    public const string HighRegion = "frontal_cortex";
    public const string LowRegion = "occipital_cortex";
    public const string ChangedRegion = "thalamus";

    private readonly Dictionary<ParametricMap, Volume?> _maps;
    private int _calls;

    public CountingMapSource(BrainAtlas atlas, bool withZ = true, bool withChange = true)
    {
        Atlas = atlas;
        _maps = new Dictionary<ParametricMap, Volume?>
        {
            [ParametricMap.Suvr] = Suvr(atlas),
            [ParametricMap.Z] = withZ ? atlas.Paint(new Dictionary<string, double> { [HighRegion] = 3, [LowRegion] = -3 }) : null,
            [ParametricMap.Change] = withChange ? atlas.Paint(new Dictionary<string, double> { [ChangedRegion] = 0.2 }) : null,
        };
    }

    public BrainAtlas Atlas { get; }

    public int Calls => Volatile.Read(ref _calls);

    public Task? Gate { get; set; }

    public void Replace(ParametricMap map, Volume? volume) => _maps[map] = volume;

    public async Task<Volume?> GetAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return _maps[map];
    }

    public static Volume Suvr(BrainAtlas atlas)
    {
        var data = new float[atlas.Labels.Length];
        for (var index = 0; index < data.Length; index++)
        {
            data[index] = 1 + 0.1f * atlas.Labels[index];
        }

        return new Volume(atlas.Geometry, data);
    }
}
