using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using SkiaSharp;

namespace AmpaCds.Reporting.Tests.Figures;

/// <summary>The atlas (built once), study records and helpers to read pixels back from a PNG.</summary>
public static class FigureFixtures
{
    private static readonly Lazy<BrainAtlas> SharedAtlas = new(BuiltInAtlas.Create);

    public static BrainAtlas Atlas => SharedAtlas.Value;

    public static FigureAtlas TemplateAtlas { get; } = new(() => SharedAtlas.Value);

    /// <summary>A reported study (version 1) with z-scores, a baseline and a forecast 0.5 (90 % interval 0.35–0.72).</summary>
    public static StudyRecord Study(string uid = "1.2.3.99") => StudyRecords.Complete() with
    {
        StudyInstanceUid = uid,
        ReportVersion = 1,
        Uptake = StudyRecords.Complete().Uptake! with
        {
            Regions =
            [
                new StoredRegion("frontal_cortex", 2.1, 1.31, 31000, 1.0, 3.0),
                new StoredRegion("occipital_cortex", 1.6, 1.0, 20000, 1.0, -3.0),
                new StoredRegion("thalamus", 1.7, 1.1, 3000, 1.0, 0.5),
                new StoredRegion("lateral_habenula", 1.5, 0.94, 66, 0.98, -5.2),
            ],
        },
        Forecast = StudyRecords.Complete().Forecast! with { ResponseProbability = 0.5, ResponseProbabilityInterval90 = new StoredInterval(0.35, 0.72) },
    };

    public static SKBitmap Decode(byte[]? png)
    {
        Assert.NotNull(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4).ToArray());
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode");
    }

    /// <summary>
    /// A voxel of <paramref name="label"/> on <paramref name="plane"/> whose 3 x 3 in-plane neighbourhood has the same
    /// label, nearest the plane's centre; its pixel block then shows the voxel's own colour.
    /// </summary>
    public static Point3 InteriorVoxel(SlicePlane plane, int label)
    {
        var best = (Distance: double.MaxValue, World: Point3.Zero);
        for (var row = 6; row < plane.Height - 6; row += 3)
        {
            for (var column = 6; column < plane.Width - 6; column += 3)
            {
                var world = plane.WorldAt(column, row);
                var same = true;
                for (var dr = -4; dr <= 4 && same; dr += 4)
                {
                    for (var dc = -4; dc <= 4 && same; dc += 4)
                    {
                        same = LabelAt(plane.WorldAt(column + dc, row + dr)) == label;
                    }
                }

                var distance = Math.Abs(column - plane.Width / 2.0) + Math.Abs(row - plane.Height / 2.0);
                if (same && distance < best.Distance)
                {
                    best = (distance, Centre(world));
                }
            }
        }

        Assert.True(best.Distance < double.MaxValue, $"No interior voxel of label {label} on the {plane.View} plane.");
        return best.World;
    }

    public static int LabelAt(Point3 world)
    {
        var index = VoxelLookup.IndexAt(Atlas.Geometry, world);
        return index < 0 ? 0 : Atlas.Labels[index];
    }

    /// <summary>The centre of the atlas voxel containing a world point.</summary>
    public static Point3 Centre(Point3 world)
    {
        var voxel = Atlas.Geometry.WorldToVoxel.Apply(world);
        return Atlas.Geometry.VoxelCentre((int)Math.Round(voxel.X), (int)Math.Round(voxel.Y), (int)Math.Round(voxel.Z));
    }

    public static SKColor PixelOf(SKBitmap bitmap, SliceFigureLayout layout, int view, Point3 world)
    {
        var (column, row) = layout.Planes[view].PixelAt(world);
        return bitmap.GetPixel(layout.Origins[view].X + column, layout.Origins[view].Y + row);
    }

    public static string SampleFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "figure-samples");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Save(string name, byte[]? png)
    {
        Assert.NotNull(png);
        File.WriteAllBytes(Path.Combine(SampleFolder(), name), png);
    }
}
