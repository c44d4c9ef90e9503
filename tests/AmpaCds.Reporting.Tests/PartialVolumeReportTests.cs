using AmpaCds.Contracts.Messages;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using AmpaCds.Reporting.Tests.PacsExport;
using AmpaCds.Reporting.Tests.Pdf;
using AmpaCds.Reporting.Tests.Portal;

namespace AmpaCds.Reporting.Tests;

/// <summary>The report (HTML and PDF, English and Japanese) and the DICOM SR say which partial-volume correction was used.</summary>
public sealed class PartialVolumeReportTests
{
    private static StudyRecord Corrected(string method) => StudyRecords.Complete() with
    {
        Uptake = StoredResultMapper.ToStored(StudyRecords.Uptake(StudyRecords.Run) with { PartialVolume = new PartialVolumeCorrection(method, 5.0, 5.69) }),
    };

    [Fact]
    public void The_message_field_reaches_the_stored_record_and_an_older_message_stores_none()
    {
        Assert.Equal(new StoredPartialVolume("gtm", 5.0), Corrected("gtm").Uptake!.PartialVolume);
        Assert.Null(StudyRecords.Complete().Uptake!.PartialVolume);
        Assert.Equal("None (regional values include the scanner's blur)", PartialVolumeText.Describe(null, UiLanguage.English));
    }

    [Fact]
    public async Task The_html_report_names_the_method_and_resolution_in_both_languages()
    {
        var english = Squash(await ReportRendering.RenderAsync(Corrected("rbv"), UiLanguage.English));
        var japanese = Squash(await ReportRendering.RenderAsync(Corrected("gtm"), UiLanguage.Japanese));
        var uncorrected = Squash(await ReportRendering.RenderAsync(StudyRecords.Complete(), UiLanguage.English));

        Assert.Contains("<dt>Partial-volume correction</dt><dd class=\"partial-volume\">Region-based voxel-wise (RBV), 5.0 mm FWHM</dd>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>部分容積効果補正</dt><dd class=\"partial-volume\">幾何学的伝達行列法（GTM）、FWHM 5.0 mm</dd>", japanese, StringComparison.Ordinal);
        Assert.Contains("None (regional values include the scanner's blur)", uncorrected, StringComparison.Ordinal);
    }

    private const string NotCompared = "the baseline study was measured with partial-volume correction 'none', the study was measured with 'gtm'";

    private static StudyRecord NotComparedWithBaseline() => StudyRecords.Complete() with
    {
        Uptake = StoredResultMapper.ToStored(StudyRecords.Uptake(StudyRecords.Run) with
        {
            PartialVolume = new PartialVolumeCorrection("gtm", 5.0, 5.69), Longitudinal = null, LongitudinalNotCompared = NotCompared,
        }),
    };

    [Fact]
    public async Task A_baseline_not_compared_says_why_in_the_html_the_pdf_and_the_api()
    {
        var record = NotComparedWithBaseline();
        Assert.Equal(NotCompared, record.Uptake!.LongitudinalNotCompared);
        Assert.Equal(NotCompared, Api.ReportMapper.ToReport(record).LongitudinalNotCompared);
        Assert.Equal("", Api.ReportMapper.ToReport(StudyRecords.Complete()).LongitudinalNotCompared);

        var english = Squash(await ReportRendering.RenderAsync(record, UiLanguage.English));
        var japanese = Squash(await ReportRendering.RenderAsync(record, UiLanguage.Japanese));
        Assert.Contains($"<p class=\"note not-compared\">Not compared with the baseline study: {NotCompared}.</p>", english, StringComparison.Ordinal);
        Assert.Contains($"ベースライン検査とは比較していません：{NotCompared}。", japanese, StringComparison.Ordinal);
        Assert.DoesNotContain("not-compared", Squash(await ReportRendering.RenderAsync(StudyRecords.Complete(), UiLanguage.English)), StringComparison.Ordinal);

        var bytes = await ReportPdfWriter.RenderAsync(record, UiLanguage.English, new ColouredFigures(), DateTimeOffset.UnixEpoch, CancellationToken.None);
        var folder = Path.Combine(AppContext.BaseDirectory, "pdf-output");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "partial-volume-not-compared-en.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        var text = string.Join(' ', (await Poppler.TextAsync(path)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Change since the baseline study Not compared with the baseline study: the baseline study was measured with partial-volume",
            text, StringComparison.Ordinal);
    }

    private static string Squash(string html) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(html).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace("> <", "><", StringComparison.Ordinal);

    [Fact]
    public async Task The_pdf_names_the_method()
    {
        var bytes = await ReportPdfWriter.RenderAsync(Corrected("gtm"), UiLanguage.English, new ColouredFigures(), DateTimeOffset.UnixEpoch, CancellationToken.None);
        var folder = Path.Combine(AppContext.BaseDirectory, "pdf-output");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "partial-volume-gtm-en.pdf");
        await File.WriteAllBytesAsync(path, bytes);

        var text = string.Join(' ', (await Poppler.TextAsync(path)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Partial-volume correction Geometric transfer matrix (GTM), 5.0 mm FWHM", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sr_codes_the_method_and_the_resolution_and_stays_valid()
    {
        using var folder = new PacsTempFolder();
        var path = PacsFiles.Write(folder, ReportObjects.MeasurementReport(Corrected("rbv") with { ReportVersion = 1 }, PacsFiles.PetImages, PacsFiles.CreatedAt));
        var uncorrected = PacsFiles.Write(folder, ReportObjects.MeasurementReport(StudyRecords.Complete() with { ReportVersion = 1 }, PacsFiles.PetImages, PacsFiles.CreatedAt));
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            def walk(items):
                for c in items:
                    name = c.ConceptNameCodeSequence[0].CodeValue if "ConceptNameCodeSequence" in c else ""
                    if c.ValueType == "CODE": print(name + "|" + c.ConceptCodeSequence[0].CodeValue + "|" + c.ConceptCodeSequence[0].CodeMeaning)
                    if c.ValueType == "NUM" and "MeasuredValueSequence" in c: print(name + "|" + str(c.MeasuredValueSequence[0].NumericValue) + "|" + c.MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0].CodeValue)
                    if "ContentSequence" in c: walk(c.ContentSequence)
            walk(d.ContentSequence)
            """;
        var lines = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path)).Split('\n').Select(line => line.Trim()).ToList();
        var plain = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, uncorrected)).Split('\n').Select(line => line.Trim()).ToList();

        Assert.Contains("PVCMETHOD|PVCRBV|Region-based voxel-wise correction (RBV)", lines);
        // DS keeps the shortest form of the number: "5" for 5.0 mm.
        Assert.Contains("PVCFWHM|5|mm", lines);
        Assert.Contains("PVCMETHOD|PVCNONE|No partial-volume correction", plain);
        Assert.DoesNotContain(plain, line => line.StartsWith("PVCFWHM", StringComparison.Ordinal));
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
    }
}
