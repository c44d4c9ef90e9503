using AmpaCds.Dicom;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.PacsExport;
using SkiaSharp;

namespace AmpaCds.Reporting.Tests.PacsExport;

public sealed class KeyImageTests
{
    // Odd in both directions, so the pixel data (41 x 31 x 3 bytes) needs its padding byte.
    private const int Width = 41;
    private const int Height = 31;

    private static Studies.StudyRecord Record(int version) => StudyRecords.Complete() with { ReportVersion = version };

    /// <summary>Opaque orange on the left, half-transparent blue in the middle, fully transparent on the right.</summary>
    private static byte[] Figure() => Png.Draw(Width, Height, SKColors.Transparent, canvas =>
    {
        using var opaque = new SKPaint { Color = new SKColor(200, 40, 10), IsAntialias = false };
        using var half = new SKPaint { Color = new SKColor(0, 0, 255, 128), IsAntialias = false };
        canvas.DrawRect(SKRect.Create(0, 0, 20, Height), opaque);
        canvas.DrawRect(SKRect.Create(20, 0, 10, Height), half);
    });

    [Fact]
    public async Task Secondary_capture_passes_dciodvfy_and_holds_the_png_composited_on_black()
    {
        using var folder = new PacsTempFolder();
        var dataset = ReportObjects.KeyImage(Record(1), PacsObjectKind.SuvrSlicesCapture, Figure(), PacsFiles.CreatedAt);
        var path = PacsFiles.Write(folder, dataset);

        // No errors; the only warnings are the study's time and ID, which Reporting does not hold.
        Assert.All(await PacsFiles.DciodvfyAsync(path), line => Assert.Contains("needed to build DICOMDIR - Study", line));
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            print(d.SOPClassUID, d.Modality, "\\".join(d.ImageType), d.ConversionType, d.BurnedInAnnotation)
            print(d.Rows, d.Columns, d.SamplesPerPixel, d.PhotometricInterpretation, d.BitsAllocated, d.PlanarConfiguration)
            print(d.StudyInstanceUID, d.Manufacturer, d.SecondaryCaptureDeviceManufacturer)
            print(d.SeriesDescription)
            print(d.ImageComments)
            pixels = bytes(d.PixelData)
            for x, y in ((5, 5), (25, 17), (35, 30)):
                at = (y * d.Columns + x) * 3
                print(*pixels[at:at + 3])
            """;
        var lines = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path)).Split('\n').Select(line => line.Trim()).ToList();

        Assert.Equal("1.2.840.10008.5.1.4.1.1.7 OT DERIVED\\SECONDARY WSD NO", lines[0]);
        Assert.Equal("31 41 3 RGB 8 0", lines[1]);
        Assert.Equal("1.2.3 AmpaCds AmpaCds", lines[2]);
        Assert.Equal("AmpaCds SUVR slices, atlas outlines", lines[3]);
        Assert.StartsWith("Research use only.", lines[4]);
        Assert.Equal("200 40 10", lines[5]);
        var blend = lines[6].Split(' ').Select(int.Parse).ToArray();
        Assert.Equal(0, blend[0]);
        Assert.Equal(0, blend[1]);
        Assert.InRange(blend[2], 127, 129);
        Assert.Equal("0 0 0", lines[7]);
    }

    [Fact]
    public void Pixel_data_is_the_figure_png_row_by_row_in_rgb()
    {
        var png = DrawnFigures.Draw(ReportFigure.ZOverview);
        var dataset = ReportObjects.KeyImage(Record(1), PacsObjectKind.ZOverviewCapture, png, PacsFiles.CreatedAt);
        Assert.True(dataset.TryGetElement(DicomTags.PixelData, out var element));
        var expected = Pdf.TestPng.Decode(png);

        Assert.Equal(expected.Width, dataset.GetInt(DicomTags.Columns));
        Assert.Equal(expected.Height, dataset.GetInt(DicomTags.Rows));
        Assert.Equal(expected.Rgb, element.Buffer.Span[..expected.Rgb.Length].ToArray());
        var colour = DrawnFigures.Colour(ReportFigure.ZOverview);
        Assert.Equal(new[] { colour.Red, colour.Green, colour.Blue }, element.Buffer.Span[..3].ToArray());
    }

    [Fact]
    public void A_later_version_names_the_version_it_replaces_and_gets_its_own_uids()
    {
        var first = ReportObjects.KeyImage(Record(1), PacsObjectKind.ZSlicesCapture, Figure(), PacsFiles.CreatedAt);
        var second = ReportObjects.KeyImage(Record(2), PacsObjectKind.ZSlicesCapture, Figure(), PacsFiles.CreatedAt);

        Assert.Equal("AmpaCds z-map slices, atlas outlines", first.GetString(DicomTags.SeriesDescription));
        Assert.Equal("AmpaCds z-map slices, atlas outlines, v2 replaces v1", second.GetString(DicomTags.SeriesDescription));
        Assert.Contains("amends and replaces report version 1", second.GetString(new DicomTag(0x0020, 0x4000)));
        Assert.NotEqual(first.GetString(DicomTags.SOPInstanceUID), second.GetString(DicomTags.SOPInstanceUID));
        Assert.Equal(PacsUids.Instance("1.2.3", 2, PacsObjectKind.ZSlicesCapture), second.GetString(DicomTags.SOPInstanceUID));
    }

    [Fact]
    public void Only_capture_kinds_become_key_images()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ReportObjects.KeyImage(Record(1), PacsObjectKind.MeasurementReport, Figure(), PacsFiles.CreatedAt));
        Assert.Contains("MeasurementReport is not a key image kind", error.Message);
    }
}
