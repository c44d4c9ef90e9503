using AmpaCds.Imaging.Atlas;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The template atlas the figures draw outlines and masks from: the built-in atlas, built once per process (about
/// 10 ms) on first use. Tests may pass their own.
/// </summary>
public sealed class FigureAtlas
{
    private readonly Lazy<BrainAtlas> _atlas;

    public FigureAtlas()
        : this(BuiltInAtlas.Create)
    {
    }

    public FigureAtlas(Func<BrainAtlas> create) => _atlas = new Lazy<BrainAtlas>(create);

    public BrainAtlas Atlas => _atlas.Value;
}
