using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Pdf;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using AmpaCds.Reporting.Tests.Pdf;

namespace AmpaCds.Reporting.Tests.PacsExport;

/// <summary>The objects of a report version from the real PDF writer and figures drawn with Png.Draw, read back by
/// dciodvfy, dsrdump and pydicom.</summary>
public sealed class PacsObjectBuilderTests
{
    private const string DicomName = "Yamada^Taro=山田^太郎=やまだ^たろう";

    private static StudyRecord Record(int version) => StudyRecords.Complete(DicomName) with
    {
        ReportVersion = version,
        Versions = [.. Enumerable.Range(1, version).Select(v => new ReportVersionRecord(v, StudyRecords.Run, $"hash-{v}", v,
            StudyRecords.Model, v == 1 ? "first version" : "2 instances replaced", PacsFiles.CreatedAt.AddDays(v - version)))],
    };

    private static Task<IReadOnlyList<PacsObject>> BuildAsync(StudyRecord record, params ReportFigure[] missing) =>
        new PacsObjectBuilder(new DrawnFigures(missing)).BuildAsync(record, PacsFiles.PetImages, UiLanguage.English, PacsFiles.CreatedAt,
            CancellationToken.None);

    private static PacsObject Of(IReadOnlyList<PacsObject> objects, PacsObjectKind kind) => Assert.Single(objects, o => o.Kind == kind);

    [Fact]
    public async Task A_version_becomes_pdf_sr_and_a_key_image_per_available_figure_all_valid_in_the_patients_study()
    {
        using var folder = new PacsTempFolder();
        var objects = await BuildAsync(Record(1), ReportFigure.ZOverview);

        Assert.Equal([PacsObjectKind.EncapsulatedPdf, PacsObjectKind.MeasurementReport, PacsObjectKind.SuvrSlicesCapture,
            PacsObjectKind.ZSlicesCapture], objects.Select(o => o.Kind));
        Assert.Equal([PacsSopClasses.EncapsulatedPdf, PacsSopClasses.ComprehensiveSr, PacsSopClasses.SecondaryCapture,
            PacsSopClasses.SecondaryCapture], objects.Select(o => o.SopClassUid));
        Assert.All(objects, o => Assert.Equal("1.2.3", o.Dataset.GetString(DicomTags.StudyInstanceUID)));
        Assert.Equal(4, objects.Select(o => o.Dataset.GetString(DicomTags.SeriesInstanceUID)).Distinct().Count());
        foreach (var pacsObject in objects)
        {
            var bytes = pacsObject.ToPart10Bytes();
            var file = DicomFile.Open(bytes);
            Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, file.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
            Assert.Equal(pacsObject.SopInstanceUid, file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID));
            Assert.Equal(pacsObject.SopInstanceUid, PacsUids.Instance("1.2.3", 1, pacsObject.Kind));
            var errors = await PacsFiles.DciodvfyErrorsAsync(PacsFiles.Write(folder, bytes));
            Assert.True(errors.Count == 0, $"{pacsObject.Kind}: {string.Join('\n', errors)}");
        }
    }

    [Fact]
    public async Task Key_images_hold_each_figures_own_colour()
    {
        var objects = await BuildAsync(Record(1));

        foreach (var (figure, kind) in KeyImageFigures.All)
        {
            Assert.True(Of(objects, kind).Dataset.TryGetElement(DicomTags.PixelData, out var pixels));
            var colour = DrawnFigures.Colour(figure);
            Assert.Equal(new[] { colour.Red, colour.Green, colour.Blue }, pixels.Buffer.Span[..3].ToArray());
            Assert.Equal(DrawnFigures.Width * DrawnFigures.Height * 3, pixels.Buffer.Length);
        }
    }

    [Fact]
    public async Task Encapsulated_pdf_of_a_rendered_report_comes_back_byte_for_byte()
    {
        using var folder = new PacsTempFolder();
        var record = Record(2);
        var pdf = await ReportPdfWriter.RenderAsync(record, UiLanguage.English, new DrawnFigures(), PacsFiles.CreatedAt, CancellationToken.None);
        var path = PacsFiles.Write(folder, ReportObjects.EncapsulatedPdf(record, pdf, PacsFiles.CreatedAt));

        var extracted = folder.File("extracted.pdf");
        var output = await PacsFiles.RunAsync("/usr/bin/python3", "-c",
            "import sys, pydicom; d = pydicom.dcmread(sys.argv[1]); doc = bytes(d.EncapsulatedDocument)[:int(d.EncapsulatedDocumentLength)]; "
            + "open(sys.argv[2], 'wb').write(doc); print(d.DocumentTitle); print(d.SeriesDescription)", path, extracted);
        var lines = output.Split('\n').Select(line => line.Trim()).ToList();

        Assert.Equal(pdf, await File.ReadAllBytesAsync(extracted));
        Assert.Equal("AmpaCds [11C]K-2 PET report (version 2, amends and replaces version 1)", lines[0]);
        Assert.Equal("AmpaCds [11C]K-2 PET report, v2 replaces v1", lines[1]);
        var text = await Poppler.TextAsync(extracted);
        Assert.Contains(DicomName, text);
        Assert.Contains("Research use only", text);
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
    }

    [Fact]
    public async Task The_builders_pdf_is_a_report_poppler_reads()
    {
        using var folder = new PacsTempFolder();
        var pdfObject = Of(await BuildAsync(Record(1)), PacsObjectKind.EncapsulatedPdf);
        Assert.True(pdfObject.Dataset.TryGetElement(new DicomTag(0x0042, 0x0011), out var document));
        var length = pdfObject.Dataset.GetInt(new DicomTag(0x0042, 0x0015));
        var path = folder.File("report.pdf");
        await File.WriteAllBytesAsync(path, document.Buffer.Span[..length].ToArray());

        var text = await Poppler.TextAsync(path);
        Assert.Contains("P-77", text);
        Assert.Contains("Lateral habenula", text);
        Assert.Contains("Generated 2026-02-10 09:30 UTC", text);
    }

    [Fact]
    public async Task Version_two_sr_references_version_ones_sr_as_its_predecessor()
    {
        using var folder = new PacsTempFolder();
        var sr = Of(await BuildAsync(Record(2)), PacsObjectKind.MeasurementReport);
        var path = PacsFiles.Write(folder, sr.ToPart10Bytes());

        var tree = await PacsFiles.RunAsync("/usr/bin/dsrdump", "+Pn", "+Pl", "+Pu", "+U8", path);
        Assert.True(tree.Contains("amends and replaces report version 1 of this study", StringComparison.Ordinal), tree);
        Assert.True(tree.Contains("AmpaCds measurement report, v2 replaces v1", StringComparison.Ordinal), tree);
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            p = d.PredecessorDocumentsSequence[0]
            print(len(d.PredecessorDocumentsSequence), p.StudyInstanceUID)
            print(p.ReferencedSeriesSequence[0].SeriesInstanceUID)
            print(p.ReferencedSeriesSequence[0].ReferencedSOPSequence[0].ReferencedSOPClassUID)
            print(p.ReferencedSeriesSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID)
            """;
        var lines = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path)).Split('\n').Select(line => line.Trim()).ToList();
        Assert.Equal("1 1.2.3", lines[0]);
        Assert.Equal(PacsUids.Series("1.2.3", 1, PacsObjectKind.MeasurementReport), lines[1]);
        Assert.Equal(PacsSopClasses.ComprehensiveSr, lines[2]);
        Assert.Equal(PacsUids.Instance("1.2.3", 1, PacsObjectKind.MeasurementReport), lines[3]);
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
    }

    [Fact]
    public async Task Version_one_sr_has_no_predecessor()
    {
        var sr = Of(await BuildAsync(Record(1)), PacsObjectKind.MeasurementReport);
        Assert.Null(sr.Dataset.GetItem(new DicomTag(0x0040, 0xA360)));
        Assert.Equal("AmpaCds measurement report", sr.Dataset.GetString(DicomTags.SeriesDescription));
    }

    [Fact]
    public async Task Pydicom_finds_each_regions_suvr_and_z_as_the_record_holds_them()
    {
        using var folder = new PacsTempFolder();
        var record = Record(2);
        var path = PacsFiles.Write(folder, Of(await BuildAsync(record), PacsObjectKind.MeasurementReport).ToPart10Bytes());
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            for item in d.ContentSequence:
                if item.ConceptNameCodeSequence[0].CodeValue != "126010": continue
                for group in item.ContentSequence:
                    site = [c for c in group.ContentSequence if c.ValueType == "TEXT" and c.ConceptNameCodeSequence[0].CodeValue == "112039"][0].TextValue
                    for c in group.ContentSequence:
                        if c.ValueType == "NUM" and c.ConceptNameCodeSequence[0].CodeValue in ("SUVR", "ZSCORE"):
                            print(site, c.ConceptNameCodeSequence[0].CodeValue, repr(float(c.MeasuredValueSequence[0].NumericValue)))
            """;
        var lines = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim().Split(' ')).ToList();

        Assert.Equal(record.Uptake!.Regions.Count * 2, lines.Count);
        foreach (var region in record.Uptake.Regions)
        {
            double Value(string code) => double.Parse(Assert.Single(lines, l => l[0] == region.Name && l[1] == code)[2], CultureInfo.InvariantCulture);
            Assert.Equal(region.Suvr, Value("SUVR"), 1e-9);
            Assert.Equal(region.ZScore!.Value, Value("ZSCORE"), 1e-9);
        }
    }

    [Fact]
    public async Task Sr_text_outside_ascii_arrives_as_written()
    {
        // The characters that used to arrive as "?": a "≤" and Japanese in the normative database and model versions.
        const string database = "normdb ≤2026 正常群";
        const string model = "k2-response 1.0 (合成データ)";
        using var folder = new PacsTempFolder();
        var record = Record(1);
        record = record with
        {
            Uptake = record.Uptake! with { NormativeDatabase = new StoredNormativeDatabase(database, true, 20, false, null) },
            Forecast = record.Forecast! with { ModelVersion = model },
        };
        var path = PacsFiles.Write(folder, ReportObjects.MeasurementReport(record, PacsFiles.PetImages, PacsFiles.CreatedAt));
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            def walk(items):
                for c in items:
                    if c.ValueType == "TEXT":
                        sys.stdout.buffer.write((c.ConceptNameCodeSequence[0].CodeValue + "|" + c.TextValue + "\n").encode("utf-8"))
                    if "ContentSequence" in c: walk(c.ContentSequence)
            walk(d.ContentSequence)
            """;
        var lines = (await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path)).Split('\n').Select(line => line.Trim()).ToList();

        Assert.Contains("NORMDBVER|" + database, lines);
        Assert.Contains("111003|" + model, lines);
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
    }

    [Fact]
    public void The_temp_folder_goes_with_its_files()
    {
        string path;
        using (var folder = new PacsTempFolder())
        {
            path = folder.Path;
            File.WriteAllBytes(folder.File("a.dcm"), [1, 2]);
            Assert.True(File.Exists(Path.Combine(path, "a.dcm")));
        }
        Assert.False(Directory.Exists(path));
    }
}
