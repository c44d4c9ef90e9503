using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using SkiaSharp;
using static AmpaCds.Reporting.Tests.Figures.FigureFixtures;

namespace AmpaCds.Reporting.Tests.Figures;

public sealed class SliceFigureTests
{
    private static readonly SliceFigureLayout Layout = SliceFigureLayout.For(Atlas.Geometry, SliceFigureLayout.DefaultCentre(Atlas.Geometry));

    private static async Task<byte[]?> RenderAsync(ReportFigure figure, CountingMapSource? source = null, UiLanguage language = UiLanguage.English) =>
        await new ReportFigureRenderer(source ?? new CountingMapSource(Atlas), TemplateAtlas).RenderAsync(Study(), figure, language, CancellationToken.None);

    [Fact]
    public async Task ZSlicesShowRaisedVoxelsRedLoweredBlueAndTheBackgroundOutsideTheBrain()
    {
        var png = await RenderAsync(ReportFigure.ZSlices);
        Save("z-slices.en.png", png);
        using var bitmap = Decode(png);
        Assert.Equal((Layout.Width, Layout.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal((930, 372), (bitmap.Width, bitmap.Height));

        var axial = Layout.Planes[0];
        var high = PixelOf(bitmap, Layout, 0, InteriorVoxel(axial, Atlas.Region(CountingMapSource.HighRegion).Label));
        var low = PixelOf(bitmap, Layout, 0, InteriorVoxel(axial, Atlas.Region(CountingMapSource.LowRegion).Label));
        Assert.Equal(new SKColor(178, 24, 43), high);
        Assert.Equal(new SKColor(33, 102, 172), low);

        // A corner of the template grid lies outside the brain.
        var outside = PixelOf(bitmap, Layout, 0, axial.WorldAt(2, 2));
        Assert.Equal(FigureStyle.Background, outside);

        // z = 0 (any other region) is near white.
        var neutral = PixelOf(bitmap, Layout, 0, InteriorVoxel(axial, Atlas.Region("white_matter").Label));
        Assert.Equal(new SKColor(247, 247, 247), neutral);
    }

    [Fact]
    public async Task SuvrSlicesColourEachVoxelByItsValueOnTheFixedScaleInEveryView()
    {
        var png = await RenderAsync(ReportFigure.SuvrSlices);
        Save("suvr-slices.en.png", png);
        using var bitmap = Decode(png);
        for (var view = 0; view < 3; view++)
        {
            var label = Atlas.Region("white_matter").Label;
            var world = InteriorVoxel(Layout.Planes[view], label);
            Assert.Equal(ColourMaps.Suvr.Map(1 + 0.1 * label), PixelOf(bitmap, Layout, view, world));
        }
    }

    [Fact]
    public async Task RegionBoundariesAreDrawnAsThinLightLinesBetweenVoxelsOfDifferentLabels()
    {
        using var bitmap = Decode(await RenderAsync(ReportFigure.SuvrSlices));
        var axial = Layout.Planes[0];
        var origin = Layout.Origins[0];
        var boundaries = 0;
        var interiorsUnchanged = 0;

        // Walk the voxel blocks of the axial view: a block whose right neighbour has another (brain) label has a light
        // last column; its middle column keeps the plain value colour.
        for (var row = 1; row < axial.Height; row += 3)
        {
            for (var column = 1; column + 3 < axial.Width; column += 3)
            {
                var here = LabelAt(axial.WorldAt(column, row));
                var right = LabelAt(axial.WorldAt(column + 3, row));
                if (here == 0 || right == 0 || here == right)
                {
                    continue;
                }

                var plain = ColourMaps.Suvr.Map(1 + 0.1 * here);
                var expected = ColourMap.Mix(plain, SKColors.White, 150 / 255.0);
                Assert.Equal(plain, bitmap.GetPixel(origin.X + column, origin.Y + row));
                Assert.Equal(expected, bitmap.GetPixel(origin.X + column + 1, origin.Y + row));
                boundaries++;
                interiorsUnchanged++;
            }
        }

        Assert.True(boundaries > 50, $"only {boundaries} horizontal region boundaries on the axial view");
        Assert.Equal(boundaries, interiorsUnchanged);
    }

    [Fact]
    public async Task ViewsAreRadiologicalThePatientsRightOnTheViewersLeftAnteriorLeftOnTheSagittal()
    {
        // +3 in the patient's right half (x < 0 in LPS) and in the anterior half (y < 0) of the brain; -3 elsewhere.
        var source = new CountingMapSource(Atlas);
        var z = Volume.Zeros(Atlas.Geometry);
        var geometry = Atlas.Geometry;
        for (var k = 0; k < geometry.Nz; k++)
        {
            for (var j = 0; j < geometry.Ny; j++)
            {
                for (var i = 0; i < geometry.Nx; i++)
                {
                    var world = geometry.VoxelCentre(i, j, k);
                    z[i, j, k] = world.X < 0 && world.Y < 0 ? 3 : world.X > 0 && world.Y > 0 ? -3 : 0;
                }
            }
        }

        source.Replace(ParametricMap.Z, z);
        var png = await RenderAsync(ReportFigure.ZSlices, source);
        Save("orientation-test.png", png);
        using var bitmap = Decode(png);
        var red = new SKColor(178, 24, 43);
        var blue = new SKColor(33, 102, 172);

        // Points 30 mm from the centre, inside the brain.
        var centre = SliceFigureLayout.DefaultCentre(geometry);
        var axialRightAnterior = Centre(new Point3(-30, -30, centre.Z));
        var axialLeftPosterior = Centre(new Point3(30, 30, centre.Z));
        var (column, row) = Layout.Planes[0].PixelAt(axialRightAnterior);
        Assert.True(column < Layout.Planes[0].Width / 2 && row < Layout.Planes[0].Height / 2, "patient's right-anterior is at the viewer's upper left");
        Assert.Equal(red, PixelOf(bitmap, Layout, 0, axialRightAnterior));
        Assert.Equal(blue, PixelOf(bitmap, Layout, 0, axialLeftPosterior));

        // Sagittal through x = +1 (left hemisphere): the anterior half on the left is z = 0, the posterior half -3.
        var sagittalPosterior = Centre(new Point3(centre.X, 40, 10));
        Assert.True(Layout.Planes[2].PixelAt(sagittalPosterior).Column > Layout.Planes[2].Width / 2, "posterior is on the right of the sagittal view");
        Assert.Equal(blue, PixelOf(bitmap, Layout, 2, sagittalPosterior));

        // Coronal: superior is up.
        var superior = Centre(new Point3(30, centre.Y, 40));
        Assert.True(Layout.Planes[1].PixelAt(superior).Row < Layout.Planes[1].Height / 2);
        Assert.True(Layout.Planes[1].PixelAt(superior).Column > Layout.Planes[1].Width / 2, "the patient's left is on the viewer's right");
    }

    [Fact]
    public void ViewsKeepTheVoxelAspectAndCarryOrientationLetters()
    {
        Assert.Equal((240, 288), (Layout.Planes[0].Width, Layout.Planes[0].Height));
        Assert.Equal((240, 240), (Layout.Planes[1].Width, Layout.Planes[1].Height));
        Assert.Equal((288, 240), (Layout.Planes[2].Width, Layout.Planes[2].Height));
        Assert.Equal(("R", "L", "A", "P"), Layout.Planes[0].Letters);
        Assert.Equal(("R", "L", "S", "I"), Layout.Planes[1].Letters);
        Assert.Equal(("A", "P", "S", "I"), Layout.Planes[2].Letters);
        Assert.Equal("Axial  z = +1 mm", SliceFigure.Title(Layout.Planes[0], UiLanguage.English));
        Assert.Equal("矢状断像  x = +1 mm", SliceFigure.Title(Layout.Planes[2], UiLanguage.Japanese));

        // An anisotropic grid (2 x 2 x 4 mm) gives views whose height follows millimetres, not voxel counts.
        var thick = VolumeGeometry.Centred(80, 96, 40, new Point3(2, 2, 4), Point3.Zero);
        var coronal = SlicePlane.Through(thick, SliceView.Coronal, Point3.Zero, FigureStyle.PixelsPerMm);
        Assert.Equal((240, 240), (coronal.Width, coronal.Height));
    }

    [Fact]
    public async Task RegistrationOverlayDrawsTheTemplateOutlineInCyanOnAGreyImage()
    {
        var png = await RenderAsync(ReportFigure.RegistrationOverlay);
        Save("registration-overlay.en.png", png);
        using var bitmap = Decode(png);
        var axial = Layout.Planes[0];
        var origin = Layout.Origins[0];
        var row = axial.Height / 2 + 30; // below the orientation letter at mid-height
        var firstBrain = Enumerable.Range(0, axial.Width).First(column => LabelAt(axial.WorldAt(column, row)) > 0);

        // Both pixels at the outline are cyan; inside and outside are grey (R = G = B).
        Assert.Equal(FigureStyle.TemplateOutline, bitmap.GetPixel(origin.X + firstBrain - 1, origin.Y + row));
        Assert.Equal(FigureStyle.TemplateOutline, bitmap.GetPixel(origin.X + firstBrain, origin.Y + row));
        foreach (var column in new[] { firstBrain - 4, firstBrain + 6 })
        {
            var grey = bitmap.GetPixel(origin.X + column, origin.Y + row);
            Assert.True(grey.Red == grey.Green && grey.Green == grey.Blue, $"pixel {column} is {grey}");
        }

        // Outside the brain the SUVR is 1 (dark grey), inside brighter.
        var inside = bitmap.GetPixel(origin.X + firstBrain + 6, origin.Y + row);
        var outsideBrain = bitmap.GetPixel(origin.X + firstBrain - 4, origin.Y + row);
        Assert.True(inside.Red > outsideBrain.Red, $"inside {inside} (label {LabelAt(axial.WorldAt(firstBrain + 6, row))}), outside {outsideBrain}");
    }

    [Fact]
    public async Task ChangeSlicesShowTheChangeMapAndAreNullWithoutABaselineOrAMap()
    {
        var png = await RenderAsync(ReportFigure.ChangeSlices);
        Save("change-slices.en.png", png);
        using var bitmap = Decode(png);
        var thalamus = InteriorVoxel(Layout.Planes[0], Atlas.Region(CountingMapSource.ChangedRegion).Label);
        Assert.Equal(ColourMaps.Change.Map(0.2f), PixelOf(bitmap, Layout, 0, thalamus));
        var pixel = PixelOf(bitmap, Layout, 0, thalamus);
        Assert.True(pixel.Red > 150 && pixel.Blue < 100, $"ΔSUVR +0.2 should be red-ish, is {pixel}");

        var withoutMap = new CountingMapSource(Atlas, withChange: false);
        Assert.Null(await RenderAsync(ReportFigure.ChangeSlices, withoutMap));
        Assert.Equal(1, withoutMap.Calls);

        var noBaseline = Study() with { Uptake = Study().Uptake! with { Longitudinal = null } };
        var source = new CountingMapSource(Atlas);
        Assert.Null(await new ReportFigureRenderer(source, TemplateAtlas).RenderAsync(noBaseline, ReportFigure.ChangeSlices, UiLanguage.English, default));
        Assert.Equal(0, source.Calls);
    }

    [Fact]
    public async Task ZFiguresAreNullWithoutANormativeDatabaseOrAZMap()
    {
        var source = new CountingMapSource(Atlas);
        var noDatabase = Study() with { Uptake = Study().Uptake! with { NormativeDatabase = null } };
        var renderer = new ReportFigureRenderer(source, TemplateAtlas);
        Assert.Null(await renderer.RenderAsync(noDatabase, ReportFigure.ZSlices, UiLanguage.English, default));
        Assert.Null(await renderer.RenderAsync(noDatabase, ReportFigure.ZOverview, UiLanguage.English, default));
        Assert.Null(await renderer.RenderAsync(noDatabase, ReportFigure.ZScoreChart, UiLanguage.English, default));
        Assert.Equal(0, source.Calls);

        Assert.Null(await RenderAsync(ReportFigure.ZSlices, new CountingMapSource(Atlas, withZ: false)));
        Assert.Null(await RenderAsync(ReportFigure.SuvrSlices, NoSuvr()));
        Assert.Null(await RenderAsync(ReportFigure.RegistrationOverlay, NoSuvr()));
    }

    [Fact]
    public async Task ZOverviewShowsTwelveAxialSlicesFromInferiorToSuperior()
    {
        var png = await RenderAsync(ReportFigure.ZOverview, language: UiLanguage.Japanese);
        Save("z-overview.ja.png", png);
        using var bitmap = Decode(png);
        var positions = ZOverviewFigure.SlicePositions(Atlas);
        Assert.Equal(12, positions.Count);
        Assert.True(positions.Zip(positions.Skip(1)).All(pair => pair.Second > pair.First), string.Join(", ", positions));
        Assert.True(positions[0] < -30 && positions[^1] > 30, string.Join(", ", positions));

        // The frontal cortex (z = +3) appears red on the tile through it.
        var planes = ZOverviewFigure.Planes(Atlas);
        var label = Atlas.Region(CountingMapSource.HighRegion).Label;
        var tile = Enumerable.Range(0, planes.Count).First(slice =>
            Enumerable.Range(0, planes[slice].Height).Any(row => LabelAt(planes[slice].WorldAt(planes[slice].Width / 2, row)) == label));
        // The first pixel of a voxel's 2 x 2 block is never an outline pixel (outlines sit on a block's last column or row).
        var (column, pixelRow) = planes[tile].PixelAt(MiddleOfRun(planes[tile], label) - new Point3(0.5, 0.5, 0));
        var origin = ZOverviewFigure.TileOrigin(tile, planes[tile]);
        Assert.Equal(new SKColor(178, 24, 43), bitmap.GetPixel(origin.X + column, origin.Y + pixelRow));
        Assert.Equal(ZOverviewFigure.TileOrigin(11, planes[11]).Y + planes[11].Height + SliceFigureLayout.LegendHeight, bitmap.Height);
    }

    /// <summary>The overview is 1 px/mm (2 px per voxel), so the 3-pixel helper does not apply: take the middle of the label's run.</summary>
    private static Point3 MiddleOfRun(SlicePlane plane, int label)
    {
        var column = plane.Width / 2;
        var rows = Enumerable.Range(0, plane.Height).Where(row => LabelAt(plane.WorldAt(column, row)) == label).ToList();
        return Centre(plane.WorldAt(column, rows[rows.Count / 2]));
    }

    private static CountingMapSource NoSuvr()
    {
        var source = new CountingMapSource(Atlas);
        source.Replace(ParametricMap.Suvr, null);
        return source;
    }
}
