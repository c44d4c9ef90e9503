using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Dicom.Tests;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// Intake's C-FIND SCP (Study Root, STUDY and SERIES) asked by DCMTK findscu and by our own SCU, after storescu
/// stored a study: a PACS administrator can check what arrived with the tools they already use.
/// </summary>
public class FindScpTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<(IntakeNode Intake, SimulatedStudy Study)> StoredStudyAsync(int seed)
    {
        var intake = await IntakeNode.StartAsync();
        var study = new SimulatedStudy(seed);
        var sent = await ExternalTool.RunAsync("storescu", ["-aet", "DCMTKSCU", "-aec", IntakeNode.AeTitle, "127.0.0.1", P(intake.Port), .. study.Files],
            TimeSpan.FromSeconds(60));
        Assert.True(sent.ExitCode == 0, sent.All);
        return (intake, study);
    }

    private static async Task<(ExternalTool.Result Result, List<DicomDataset> Responses)> FindscuAsync(int port, TempDirectory dir, params string[] keys)
    {
        var result = await ExternalTool.RunAsync("findscu",
            ["-S", "-X", "-d", "-od", dir.Path, "-aet", "DCMTKSCU", "-aec", IntakeNode.AeTitle, .. keys.SelectMany(key => new[] { "-k", key }), "127.0.0.1", P(port)],
            TimeSpan.FromSeconds(30));
        var responses = Directory.GetFiles(dir.Path, "rsp*.dcm").Order(StringComparer.Ordinal).Select(path => DicomFile.Open(path).Dataset).ToList();
        return (result, responses);
    }

    [Fact]
    public async Task Findscu_at_study_level_finds_the_stored_study_with_its_counts()
    {
        var (intake, study) = await StoredStudyAsync(seed: 460);
        await using var _ = intake;
        using var __ = study;
        using var dir = new TempDirectory();

        var (result, responses) = await FindscuAsync(intake.Port, dir, "QueryRetrieveLevel=STUDY", $"PatientID={study.PatientId}",
            "StudyInstanceUID", "ModalitiesInStudy", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances", "PatientName");

        Assert.True(result.ExitCode == 0, result.All);
        var match = Assert.Single(responses);
        Assert.Equal(study.StudyUid, match.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("PT", match.GetString(DicomTags.ModalitiesInStudy));
        Assert.Equal(1, match.GetInt(DicomTags.NumberOfStudyRelatedSeries));
        Assert.Equal(SimulatedStudy.Slices, match.GetInt(DicomTags.NumberOfStudyRelatedInstances));
        Assert.Equal(study.First.GetString(DicomTags.PatientName), match.GetString(DicomTags.PatientName));
        Assert.Equal("STUDY", match.GetString(DicomTags.QueryRetrieveLevel));
    }

    [Fact]
    public async Task Our_scu_lists_the_series_and_a_query_that_matches_nothing_is_an_empty_success()
    {
        var (intake, study) = await StoredStudyAsync(seed: 461);
        await using var _ = intake;
        using var __ = study;
        var client = new DicomClient("127.0.0.1", intake.Port, "OURSCU", IntakeNode.AeTitle) { Timeout = TimeSpan.FromSeconds(10) };

        var series = await client.FindAsync(new DicomQuery { Level = DicomQueryLevel.Series, StudyInstanceUid = study.StudyUid, Modality = "PT" });
        var none = await client.FindAsync(new DicomQuery { PatientId = "NOBODY-" + study.PatientId });
        var byDate = await client.FindAsync(new DicomQuery { PatientId = study.PatientId, StudyDate = "19000101-19001231" });

        var match = Assert.Single(series);
        Assert.Equal(study.SeriesUid, match.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(study.StudyUid, match.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal(SimulatedStudy.Slices, match.GetInt(DicomTags.NumberOfSeriesRelatedInstances));
        Assert.Equal("PT", match.GetString(DicomTags.Modality));
        Assert.Empty(none);
        Assert.Empty(byDate);
    }

    [Theory]
    [InlineData("QueryRetrieveLevel=IMAGE", "0xa900")]
    [InlineData("StudyDate=2026", "0xa900")]
    public async Task A_query_intake_cannot_answer_gets_a_failure_status_and_the_association_still_answers(string key, string status)
    {
        await using var intake = await IntakeNode.StartAsync();
        using var dir = new TempDirectory();

        var (result, responses) = await FindscuAsync(intake.Port, dir, key.StartsWith("QueryRetrieveLevel", StringComparison.Ordinal) ? [key] : ["QueryRetrieveLevel=STUDY", key]);

        Assert.Empty(responses);
        Assert.Contains(status, result.All, StringComparison.OrdinalIgnoreCase);
        var echo = await ExternalTool.RunAsync("echoscu", ["-aec", IntakeNode.AeTitle, "127.0.0.1", P(intake.Port)], TimeSpan.FromSeconds(10));
        Assert.True(echo.ExitCode == 0, echo.All);
    }

    [Fact]
    public async Task A_japanese_name_comes_back_in_utf8_with_its_kanji_and_a_wildcard_matches_it()
    {
        await using var intake = await IntakeNode.StartAsync();
        using var study = new SimulatedStudy(seed: 462);
        const string name = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        var first = DicomFile.Open(study.Files[0]);
        first.Dataset.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87").AddOrUpdate(DicomTags.PatientName, DicomVR.PN, name);
        first.Save(study.Files[0]);
        var sent = await ExternalTool.RunAsync("storescu", ["-aec", IntakeNode.AeTitle, "127.0.0.1", P(intake.Port), study.Files[0]], TimeSpan.FromSeconds(30));
        Assert.True(sent.ExitCode == 0, sent.All);
        using var dir = new TempDirectory();

        var (result, responses) = await FindscuAsync(intake.Port, dir, "QueryRetrieveLevel=STUDY", "PatientName=yamada*", "StudyInstanceUID");

        Assert.True(result.ExitCode == 0, result.All);
        var match = Assert.Single(responses);
        Assert.Equal("ISO_IR 192", match.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal(name, match.GetString(DicomTags.PatientName));
        Assert.Equal(study.StudyUid, match.GetString(DicomTags.StudyInstanceUID));
    }
}
