using System.Globalization;
using AmpaCds.Reporting.PacsExport;

namespace AmpaCds.Reporting.Tests.PacsExport;

public sealed class ReportObjectsTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% test document\n%%EOF\n"u8.ToArray();

    private static Studies.StudyRecord Record(string name = "Yamada^Tarou") => StudyRecords.Complete(name) with { ReportVersion = 2 };

    [Fact]
    public async Task Encapsulated_pdf_passes_dciodvfy_and_pydicom_extracts_the_same_bytes()
    {
        using var folder = new PacsTempFolder();
        var path = PacsFiles.Write(folder, ReportObjects.EncapsulatedPdf(Record(), Pdf, PacsFiles.CreatedAt));
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
        var output = await PacsFiles.RunAsync("/usr/bin/python3", "-c",
            "import sys, pydicom; d = pydicom.dcmread(sys.argv[1]); doc = bytes(d.EncapsulatedDocument)[:int(d.EncapsulatedDocumentLength)]; "
            + "print(doc.hex()); print(d.StudyInstanceUID)", path);
        var lines = output.Split('\n');
        Assert.Equal(Convert.ToHexStringLower(Pdf), lines[0].Trim());
        Assert.Equal("1.2.3", lines[1].Trim());
    }

    [Fact]
    public async Task Measurement_report_passes_dciodvfy_and_dsrdump_shows_the_regional_values()
    {
        var record = Record();
        using var folder = new PacsTempFolder();
        var path = PacsFiles.Write(folder, ReportObjects.MeasurementReport(record, PacsFiles.PetImages, PacsFiles.CreatedAt));
        Assert.Empty(await PacsFiles.DciodvfyErrorsAsync(path));
        var tree = await PacsFiles.RunAsync("/usr/bin/dsrdump", path);
        Assert.Contains("Imaging Measurement Report", tree);
        Assert.Contains("\"lateral_habenula\"", tree);
        Assert.Contains("\"0.94\" (1,UCUM,\"ratio\")", tree);
        Assert.Contains("\"-2.4\" (1,UCUM,\"no units\")", tree);
        Assert.Contains("\"2.1\" (g/ml,UCUM,\"g/ml\")", tree);
        Assert.Contains("\"37\" (%,UCUM,\"%\")", tree);
        Assert.Contains("UNVERIFIED", tree);
    }

    [Fact]
    public async Task Pydicom_reads_the_regions_suvr_and_the_japanese_name_as_held()
    {
        const string name = "Yamada^Taro=山田^太郎=やまだ^たろう";
        var record = Record(name);
        using var folder = new PacsTempFolder();
        var path = PacsFiles.Write(folder, ReportObjects.MeasurementReport(record, PacsFiles.PetImages, PacsFiles.CreatedAt));
        const string script = """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1])
            sys.stdout.buffer.write((str(d.PatientName) + "\n").encode("utf-8"))
            for item in d.ContentSequence:
                if item.ConceptNameCodeSequence[0].CodeValue != "126010": continue
                for group in item.ContentSequence:
                    site = [c for c in group.ContentSequence if c.ValueType == "TEXT" and c.ConceptNameCodeSequence[0].CodeValue == "112039"][0].TextValue
                    for c in group.ContentSequence:
                        if c.ValueType == "NUM" and c.ConceptNameCodeSequence[0].CodeValue == "SUVR":
                            print(site, repr(float(c.MeasuredValueSequence[0].NumericValue)))
            """;
        var output = await PacsFiles.RunAsync("/usr/bin/python3", "-c", script, path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).ToList();
        Assert.Equal(name, lines[0]);
        foreach (var region in record.Uptake!.Regions)
        {
            var line = Assert.Single(lines, l => l.StartsWith(region.Name + " ", StringComparison.Ordinal));
            Assert.Equal(region.Suvr, double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture), 1e-6);
        }
    }

    [Fact]
    public void The_same_version_gives_the_same_uids_and_another_version_new_ones()
    {
        var first = ReportObjects.MeasurementReport(Record(), PacsFiles.PetImages, PacsFiles.CreatedAt);
        var again = ReportObjects.MeasurementReport(Record(), PacsFiles.PetImages, PacsFiles.CreatedAt);
        var next = ReportObjects.MeasurementReport(Record() with { ReportVersion = 3 }, PacsFiles.PetImages, PacsFiles.CreatedAt);
        var pdf = ReportObjects.EncapsulatedPdf(Record(), Pdf, PacsFiles.CreatedAt);
        var sop = Dicom.DicomTags.SOPInstanceUID;
        Assert.Equal(first.GetString(sop), again.GetString(sop));
        Assert.NotEqual(first.GetString(sop), next.GetString(sop));
        Assert.NotEqual(first.GetString(sop), pdf.GetString(sop));
        Assert.Equal("1.2.3", first.GetString(Dicom.DicomTags.StudyInstanceUID));
        Assert.NotEqual(first.GetString(Dicom.DicomTags.SeriesInstanceUID), pdf.GetString(Dicom.DicomTags.SeriesInstanceUID));
        Assert.StartsWith("2.25.", first.GetString(sop));
    }
}
