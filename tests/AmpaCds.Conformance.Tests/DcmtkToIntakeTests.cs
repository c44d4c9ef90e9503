using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Tests;

namespace AmpaCds.Conformance.Tests;

/// <summary>DCMTK storescu, as a hospital's sender would use it, against Intake's real C-STORE path.</summary>
public class DcmtkToIntakeTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<ExternalTool.Result> StorescuAsync(int port, IEnumerable<string> options, IEnumerable<string> files) =>
        await ExternalTool.RunAsync("storescu", [.. options, "-aet", "DCMTKSCU", "-aec", IntakeNode.AeTitle, "127.0.0.1", P(port), .. files],
            TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData("-xi", "1.2.840.10008.1.2")]
    [InlineData("-xe", "1.2.840.10008.1.2.1")]
    [InlineData("-xd", "1.2.840.10008.1.2.1.99")]
    [InlineData("-xb", "1.2.840.10008.1.2.1")] // big endian first, LE also offered: we pick Explicit LE
    public async Task Storescu_proposal_stores_a_multi_file_study_in_the_negotiated_syntax(string proposal, string expectedSyntax)
    {
        await using var intake = await IntakeNode.StartAsync();
        using var study = new SimulatedStudy(seed: 401 + proposal[2]);

        var result = await StorescuAsync(intake.Port, [proposal], study.Files);

        Assert.True(result.ExitCode == 0, result.All);
        foreach (var sop in study.SopInstanceUids)
            Assert.True(await intake.HoldsAsync(study.StudyUid, study.SeriesUid, sop), $"Intake does not hold {sop}");
        // What Intake stored decodes to the same pixels the sender had.
        var stored = DicomFile.Open(await intake.Blobs.GetAsync(AmpaCds.Intake.Storage.SeriesKeys.Instance(study.StudyUid, study.SeriesUid, study.SopInstanceUids[3])));
        Assert.Equal(expectedSyntax, stored.TransferSyntax.Uid); // Intake keeps the syntax the data arrived in
        var original = DicomFile.Open(study.Files[3]).Dataset;
        Assert.Equal(DicomPixelData.GetFrame(original, 0), DicomPixelData.GetFrame(stored.Dataset, 0));
    }

    [Fact]
    public async Task Big_endian_only_proposal_is_refused_per_presentation_context_and_nothing_is_stored()
    {
        await using var intake = await IntakeNode.StartAsync();
        using var study = new SimulatedStudy(seed: 410);
        using var dir = new TempDirectory();
        var config = dir.File("big-endian-only.cfg");
        await File.WriteAllTextAsync(config, """
            [[TransferSyntaxes]]
            [BigEndianOnly]
            TransferSyntax1 = BigEndianExplicit

            [[PresentationContexts]]
            [PetBigEndian]
            PresentationContext1 = PositronEmissionTomographyImageStorage\BigEndianOnly

            [[Profiles]]
            [Default]
            PresentationContexts = PetBigEndian
            """);

        var result = await StorescuAsync(intake.Port, ["-xf", config, "Default", "-d"], study.Files.Take(2));

        // The association itself is accepted (A-ASSOCIATE-AC), its one context refused with result 4; storescu then gives up.
        var log = string.Join(' ', result.All.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(log.Contains("END A-ASSOCIATE-AC"), result.All);
        Assert.Contains("Context ID: 1 (Transfer Syntaxes Not Supported)", log);
        Assert.Contains("F: No Acceptable Presentation Contexts", log);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(intake.Blobs.Exists(AmpaCds.Intake.Storage.SeriesKeys.Instance(study.StudyUid, study.SeriesUid, study.SopInstanceUids[0])));
    }

    [Fact]
    public async Task Four_storescu_associations_at_once_all_arrive()
    {
        await using var intake = await IntakeNode.StartAsync();
        var studies = Enumerable.Range(0, 4).Select(i => new SimulatedStudy(seed: 420 + i)).ToList();
        try
        {
            var runs = studies.Select(s => StorescuAsync(intake.Port, ["-xe"], s.Files)).ToList();
            var results = await Task.WhenAll(runs);

            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.All));
            foreach (var study in studies)
                foreach (var sop in study.SopInstanceUids)
                    Assert.True(await intake.HoldsAsync(study.StudyUid, study.SeriesUid, sop), $"Intake does not hold {sop}");
        }
        finally
        {
            foreach (var study in studies) study.Dispose();
        }
    }
}
