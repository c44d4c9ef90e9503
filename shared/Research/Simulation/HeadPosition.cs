using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Research.Simulation;

/// <summary>Rigid head position in the scanner: rotations (degrees) about the brain centre, then a translation (mm).</summary>
public sealed record HeadPosition(double TranslationXMm, double TranslationYMm, double TranslationZMm,
    double RotationXDegrees, double RotationYDegrees, double RotationZDegrees)
{
    /// <summary>Maps a template-space point (brain centred at the origin) to where it lies in the scanner.</summary>
    public Affine TemplateToScanner() =>
        Affine.FromRigid(TranslationXMm, TranslationYMm, TranslationZMm, RotationXDegrees, RotationYDegrees, RotationZDegrees, Point3.Zero);

    public static HeadPosition Random(Random random, double maxTranslationMm, double maxRotationDegrees)
    {
        double Draw(double limit) => (random.NextDouble() * 2 - 1) * limit;
        return new HeadPosition(Draw(maxTranslationMm), Draw(maxTranslationMm), Draw(maxTranslationMm),
            Draw(maxRotationDegrees), Draw(maxRotationDegrees), Draw(maxRotationDegrees));
    }
}
