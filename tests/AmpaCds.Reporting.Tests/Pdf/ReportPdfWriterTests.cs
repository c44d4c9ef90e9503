using System.Runtime.CompilerServices;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;

namespace AmpaCds.Reporting.Tests.Pdf;

/// <summary>
/// Renders the report and reads it back with poppler (pdftotext, pdffonts, pdftoppm), as a reader's viewer would.
/// The files and page images stay in the test output folder (pdf-output/) for a look by eye.
/// </summary>
public sealed class ReportPdfWriterTests
{
    private const string DicomName = "Yamada^Taro=山田^太郎=やまだ^たろう";
    private static readonly DateTimeOffset Generated = new(2026, 2, 10, 9, 30, 0, TimeSpan.Zero);

    private static StudyRecord Complete() => StudyRecords.Complete(DicomName) with
    {
        Patient = new PatientHeader(DicomName, "P-77", "20260115", "K-2 PET") { ReferringPhysicianName = "Sato^Hanako" },
        Versions =
        [
            new ReportVersionRecord(1, StudyRecords.Run, "hash-1", 1, StudyRecords.Model, "first version", Generated.AddDays(-3)),
            new ReportVersionRecord(2, StudyRecords.Run, "hash-2", 2, StudyRecords.Model, "2 instances replaced", Generated.AddDays(-1)),
        ],
    };

    private static StudyRecord Withheld()
    {
        var record = Complete();
        var uptake = record.Uptake!;
        return record with { Uptake = uptake with { Registration = uptake.Registration with { Passed = false, Similarity = 0.42 } } };
    }

    [Fact]
    public async Task English_report_holds_the_name_as_stored_the_regions_the_forecast_and_page_numbers()
    {
        var pdf = await WriteAsync(Complete(), UiLanguage.English, new ColouredFigures());

        var text = await Poppler.TextAsync(pdf);
        var pages = await Poppler.PageCountAsync(pdf);

        Assert.Contains(DicomName, text);
        Assert.Contains("P-77", text);
        Assert.Contains("2026-01-15", text);
        Assert.Contains("Sato^Hanako", text);
        Assert.Contains("Frontal cortex", text);
        Assert.Contains("Lateral habenula", text);
        Assert.Contains("37.0% (90 % interval 21.0% to 55.0%)", text);
        Assert.Contains("-22.5 % (90 % interval -40.0 % to -5.0 %)", text);
        Assert.Contains("What drove this forecast", text);
        Assert.Contains("toward response", text);
        Assert.Contains("trained on SYNTHETIC data", text);
        Assert.Contains("Research use only", text);
        Assert.Contains($"Page {pages} of {pages}", text);
        Assert.Contains("AmpaCds · study of 2026-01-15", text);
        Assert.Contains("Change since the baseline study", text);
        Assert.Contains("2 instances replaced", text);
        Assert.Contains("Generated 2026-02-10 09:30 UTC", text);
        Assert.DoesNotContain("Unreliable input", text);
        // The sections come in the order the brief fixes.
        Assert.True(Ordered(text, "Patient and study", "Intended use", "Forecast (exploratory)", "Quality control",
            "Regional AMPA receptor density", "Images", "Change since the baseline study", "Report versions"));
    }

    [Fact]
    public async Task Japanese_report_has_japanese_titles_region_names_and_the_same_numbers()
    {
        var pdf = await WriteAsync(Complete(), UiLanguage.Japanese, new ColouredFigures());

        var text = await Poppler.TextAsync(pdf);
        var pages = await Poppler.PageCountAsync(pdf);

        Assert.Contains(DicomName, text);
        Assert.Contains("前頭皮質", text);
        Assert.Contains("外側手綱核", text);
        Assert.Contains("予測（探索的）", text);
        Assert.Contains("領域別 AMPA 受容体密度", text);
        Assert.Contains("品質管理", text);
        Assert.Contains("予測に影響した要因", text);
        Assert.Contains("37.0%（90 % 区間 21.0%～55.0%）", text);
        Assert.Contains("研究用途のみ", text);
        Assert.Contains($"{pages} / {pages} ページ", text);
        Assert.DoesNotContain("Frontal cortex", text);
    }

    [Fact]
    public async Task A_withheld_forecast_prints_the_banner_and_no_forecast_number()
    {
        var figures = new ColouredFigures();
        var pdf = await WriteAsync(Withheld(), UiLanguage.English, figures);

        // Table cells wrap: compare with runs of white space folded to one space.
        var text = string.Join(' ', (await Poppler.TextAsync(pdf)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Unreliable input: at least one quality check failed.", text);
        Assert.Contains("The forecast is withheld because the input failed a quality check.", text);
        Assert.Contains("FAILED", text);
        Assert.Contains("similarity to the template 0.420 is below the pass mark 0.85", text);
        // IPAGothic has no ≥: the PDF prints the JIS sign instead of an empty box.
        Assert.Contains("99% of the template brain (needs ≧ 80%)", text);
        Assert.DoesNotContain("37.0", text);
        Assert.DoesNotContain("21.0", text);
        Assert.DoesNotContain("-22.5", text);
        Assert.DoesNotContain("Probability of response", text);
        Assert.DoesNotContain("What drove this forecast", text);
        Assert.DoesNotContain(ReportFigure.ForecastInterval, figures.Requested);
        var pages = await Poppler.RenderAsync(pdf, Path.ChangeExtension(pdf, null) + "-pages");
        Assert.False(pages.Any(page => HasColour(page, ColouredFigures.Colours[ReportFigure.ForecastInterval])),
            "the forecast interval figure appears although the forecast is withheld");
    }

    [Fact]
    public async Task Ipagothic_is_embedded_as_a_subset()
    {
        var pdf = await WriteAsync(Complete(), UiLanguage.Japanese, new ColouredFigures());

        var fonts = (await Poppler.FontsAsync(pdf)).Split('\n').Where(line => line.Contains("IPAGothic", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(fonts);
        // pdffonts columns: name type encoding emb sub uni object id; a subset's name carries a six-letter tag.
        Assert.All(fonts, line =>
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches("^[A-Z]{6}\\+IPAGothic", columns[0]);
            Assert.Equal(["yes", "yes", "yes"], columns[^5..^2]);
        });
    }

    [Fact]
    public async Task Every_page_renders_with_ink_and_each_available_figure_appears_while_a_missing_one_is_skipped()
    {
        var pdf = await WriteAsync(Complete(), UiLanguage.Japanese, new ColouredFigures(ReportFigure.ZOverview));

        var pageCount = await Poppler.PageCountAsync(pdf);
        var pages = await Poppler.RenderAsync(pdf, Path.ChangeExtension(pdf, null) + "-pages");

        Assert.InRange(pageCount, 3, 8);
        Assert.Equal(pageCount, pages.Count);
        Assert.All(pages, page => Assert.True(HasInk(page), $"{page} is blank"));
        foreach (var (figure, colour) in ColouredFigures.Colours)
        {
            Assert.True(pages.Any(page => HasColour(page, colour)) == (figure != ReportFigure.ZOverview),
                $"{figure}: expected {(figure == ReportFigure.ZOverview ? "absent" : "present")}");
        }
    }

    [Fact]
    public async Task A_long_regional_table_flows_over_pages_with_whole_rows_and_a_repeated_header()
    {
        var record = Complete();
        var regions = Enumerable.Range(1, 150)
            .Select(index => new StoredRegion($"region_{index:D3}", 2 + index / 1000.0, 1 + index / 1000.0, 100 + index, 0.9, 0.01 * index))
            .ToList();
        record = record with { Uptake = record.Uptake! with { Regions = regions } };
        var pdf = await WriteAsync(record, UiLanguage.English, new ColouredFigures());

        var pageCount = await Poppler.PageCountAsync(pdf);
        var pageTexts = new List<string>();
        for (var page = 1; page <= pageCount; page++)
        {
            pageTexts.Add(await Poppler.TextAsync(pdf, layout: true, page: page));
        }

        var lines = pageTexts.SelectMany(text => text.Split('\n')).ToList();
        foreach (var region in regions)
        {
            var suv = region.SuvMean.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            var voxels = region.Voxels.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A whole row: name, SUV and voxel count on one printed line.
            Assert.Single(lines, line => line.Contains(region.Name, StringComparison.Ordinal) && line.Contains(suv, StringComparison.Ordinal)
                && line.Contains(voxels, StringComparison.Ordinal));
        }
        var tablePages = pageTexts.Where(text => text.Contains("region_", StringComparison.Ordinal)).ToList();
        Assert.True(tablePages.Count >= 3, $"150 rows on {tablePages.Count} pages");
        Assert.All(tablePages, text => Assert.Contains("SUV mean (g/mL)", text));
    }

    [Fact]
    public void A_missing_font_file_names_the_file_and_the_package()
    {
        var resolver = new PdfFontResolver("/nonexistent/ipag.ttf");

        var error = Assert.Throws<FileNotFoundException>(() => resolver.GetFont("IPAGothic"));

        Assert.Contains("/nonexistent/ipag.ttf", error.Message);
        Assert.Contains("fonts-ipafont-gothic", error.Message);
    }

    private static async Task<string> WriteAsync(StudyRecord record, UiLanguage language, IReportFigures figures, [CallerMemberName] string name = "")
    {
        var bytes = await ReportPdfWriter.RenderAsync(record, language, figures, Generated, CancellationToken.None);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var folder = Path.Combine(AppContext.BaseDirectory, "pdf-output");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{language.Code()}.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static bool Ordered(string text, params string[] parts)
    {
        var position = 0;
        foreach (var part in parts)
        {
            position = text.IndexOf(part, position, StringComparison.Ordinal);
            if (position < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasInk(string png)
    {
        var (_, _, rgb) = TestPng.Decode(File.ReadAllBytes(png));
        return rgb.Any(value => value < 128);
    }

    /// <summary>At least a small patch (20 pixels) of the figure's colour: anti-aliased text never matches a saturated colour that often.</summary>
    private static bool HasColour(string png, (byte R, byte G, byte B) colour)
    {
        var (width, height, rgb) = TestPng.Decode(File.ReadAllBytes(png));
        var count = 0;
        for (var i = 0; i < width * height; i++)
        {
            if (Math.Abs(rgb[i * 3] - colour.R) <= 10 && Math.Abs(rgb[i * 3 + 1] - colour.G) <= 10 && Math.Abs(rgb[i * 3 + 2] - colour.B) <= 10)
            {
                count++;
            }
        }
        return count >= 20;
    }
}
