using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Atlas;

/// <summary>
/// Where each structure of the built-in atlas lies (LPS mm: +x left, +y posterior, +z superior, origin at the
/// brain centre). Structures are tested in priority order, so small deep structures win over their surroundings.
/// </summary>
internal static class BuiltInAtlasLayout
{
    private const byte Frontal = 1, Parietal = 2, Temporal = 3, Occipital = 4, AnteriorCingulate = 5, PosteriorCingulate = 6;
    private const byte AnteriorInsula = 7, PosteriorInsula = 8, Caudate = 9, Putamen = 10, GlobusPallidus = 11, Thalamus = 12;
    private const byte LateralHabenula = 13, Hippocampus = 14, Amygdala = 15, Cerebellum = 16, Brainstem = 17, WhiteMatter = 18;

    private static readonly Ellipsoid Brain = new(Point3.Zero, new(70, 85, 60));

    /// <summary>Inner surface of the cortical ribbon: the brain shrunk by 10 mm on each semi-axis.</summary>
    private static readonly Ellipsoid CortexInner = new(Point3.Zero, new(60, 75, 50));

    private static readonly (Ellipsoid Shape, byte Label)[] DeepStructures =
    [
        (new(new(0, 14, -38), new(11, 12, 22)), Brainstem),
        (new(new(0, 52, -38), new(52, 28, 20)), Cerebellum),
        // The real lateral habenula is a few mm³; it is drawn as 4 mm radius spheres (~33 voxels a side)
        // so that a 2 mm PET grid can measure it at all. Its value is therefore heavily partial-volumed.
        (Ellipsoid.Sphere(new(5, 15, 11), 4, mirrored: true), LateralHabenula),
        (new(new(10, 10, 5), new(7, 12, 8), true), Thalamus),
        (new(new(18, 0, 0), new(3.5, 8, 5), true), GlobusPallidus),
        (new(new(25, -2, 2), new(5, 15, 9), true), Putamen),
        (new(new(13, -14, 12), new(5, 13, 8), true), Caudate),
        (new(new(24, -6, -20), new(7, 7, 7), true), Amygdala),
        (new(new(28, 20, -14), new(6, 18, 6), true), Hippocampus),
        (new(new(37, -10, 4), new(4, 11, 11), true), AnteriorInsula),
        (new(new(37, 12, 4), new(4, 11, 11), true), PosteriorInsula),
        (new(new(0, -24, 18), new(7, 20, 8)), AnteriorCingulate),
        (new(new(0, 26, 22), new(7, 18, 8)), PosteriorCingulate),
    ];

    public static byte LabelAt(Point3 p)
    {
        if (!Brain.Contains(p))
        {
            return 0;
        }

        foreach ((Ellipsoid shape, byte label) in DeepStructures)
        {
            if (shape.Contains(p))
            {
                return label;
            }
        }

        return CortexInner.Contains(p) ? WhiteMatter : CorticalLobe(p);
    }

    /// <summary>Splits the cortical ribbon into lobes by position (central sulcus ~15 mm behind the centre).</summary>
    private static byte CorticalLobe(Point3 p)
    {
        if (p.Y > 50)
        {
            return Occipital;
        }

        if (p.Z < -8 && Math.Abs(p.X) > 30)
        {
            return Temporal;
        }

        if (p.Y < 15)
        {
            return Frontal;
        }

        return p.Z < -8 ? Temporal : Parietal;
    }
}
