using System.Globalization;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Tests;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// A PACS that keeps its images losslessly compressed sends them as they are: DCMTK compresses a PET series
/// (RLE, JPEG Lossless, JPEG-LS), storescu sends the files unchanged, Intake negotiates the compressed syntax,
/// decodes every frame to validate it, stores the bytes as received, and reads back the sender's exact pixels.
/// </summary>
public class CompressedStorescuToIntakeTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    // storescu proposes the compressed syntax only when told to (-xr, -xs, -xt; Process 14 with another
    // predictor needs a configuration file), each in a presentation context of its own next to the uncompressed ones.
    [Theory]
    [InlineData("dcmcrle", "", "-xr", "1.2.840.10008.1.2.5")]
    [InlineData("dcmcjpeg", "+e1", "-xs", "1.2.840.10008.1.2.4.70")]
    [InlineData("dcmcjpeg", "+el +sv 7", "config", "1.2.840.10008.1.2.4.57")]
    [InlineData("dcmcjpls", "", "-xt", "1.2.840.10008.1.2.4.80")]
    public async Task A_losslessly_compressed_series_is_stored_as_sent_and_decodes_to_the_original_pixels(string tool, string options, string proposal, string syntax)
    {
        await using var intake = await IntakeNode.StartAsync();
        using var study = new SimulatedStudy(seed: 430 + syntax.Length + options.Length);
        var compressed = Compress(study, tool, options);

        var result = await ExternalTool.RunAsync("storescu",
            [.. Proposal(proposal, syntax, study.Folder), "-aet", "DCMTKSCU", "-aec", IntakeNode.AeTitle, "127.0.0.1", P(intake.Port), .. compressed],
            TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.All);
        for (var i = 0; i < study.Files.Count; i++)
        {
            var key = AmpaCds.Intake.Storage.SeriesKeys.Instance(study.StudyUid, study.SeriesUid, study.SopInstanceUids[i]);
            Assert.True(await intake.HoldsAsync(study.StudyUid, study.SeriesUid, study.SopInstanceUids[i]), $"Intake does not hold slice {i}");
            var stored = DicomFile.Open(await intake.Blobs.GetAsync(key));
            Assert.Equal(syntax, stored.TransferSyntax.Uid);
            var sent = DicomFile.Open(compressed[i]).Dataset.GetItem(DicomTags.PixelData) as DicomFragmentSequence;
            var kept = stored.Dataset.GetItem(DicomTags.PixelData) as DicomFragmentSequence;
            Assert.Equal(sent!.Fragments.SelectMany(f => f.ToArray()), kept!.Fragments.SelectMany(f => f.ToArray()));
            Assert.Equal(DicomPixelData.GetFrame(DicomFile.Open(study.Files[i]).Dataset, 0), DicomPixelData.GetFrame(stored.Dataset, 0));
        }
    }

    [Fact]
    public async Task A_corrupt_codestream_is_refused_with_cannot_understand_and_the_next_instance_is_stored()
    {
        await using var intake = await IntakeNode.StartAsync();
        using var study = new SimulatedStudy(seed: 440);
        var compressed = Compress(study, "dcmcjpls", "");
        Corrupt(compressed[0]);

        var result = await ExternalTool.RunAsync("storescu",
            ["-xt", "-nh", "-d", "-aet", "DCMTKSCU", "-aec", IntakeNode.AeTitle, "127.0.0.1", P(intake.Port), compressed[0], compressed[1]], TimeSpan.FromSeconds(60));

        Assert.Matches(@"DIMSE Status\s*:\s*0xc000: Error: Cannot understand", result.All);
        Assert.False(await intake.HoldsAsync(study.StudyUid, study.SeriesUid, study.SopInstanceUids[0]));
        Assert.True(await intake.HoldsAsync(study.StudyUid, study.SeriesUid, study.SopInstanceUids[1]), result.All);
    }

    private static string[] Proposal(string proposal, string syntax, string folder)
    {
        if (proposal != "config")
        {
            return [proposal];
        }
        var config = Path.Combine(folder, "process14.cfg");
        File.WriteAllText(config, $$"""
            [[TransferSyntaxes]]
            [Process14]
            TransferSyntax1 = {{syntax}}

            [[PresentationContexts]]
            [Pet]
            PresentationContext1 = PositronEmissionTomographyImageStorage\Process14

            [[Profiles]]
            [Default]
            PresentationContexts = Pet
            """);
        return ["-xf", config, "Default"];
    }

    private static List<string> Compress(SimulatedStudy study, string tool, string options)
    {
        var outputs = new List<string>();
        foreach (var file in study.Files)
        {
            var output = Path.Combine(study.Folder, Path.GetFileNameWithoutExtension(file) + "." + tool + ".dcm");
            var run = ExternalTool.Run(tool, [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), file, output]);
            Assert.True(run.ExitCode == 0, run.All);
            outputs.Add(output);
        }
        return outputs;
    }

    /// <summary>Overwrites the middle of the codestream (the last fragment) so decoding must fail or run short.</summary>
    private static void Corrupt(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pixels = (DicomFragmentSequence)DicomFile.Open(bytes).Dataset.GetItem(DicomTags.PixelData)!;
        var fragment = pixels.Fragments[^1];
        var start = bytes.Length - 8 - fragment.Length; // the fragment, then the 8-byte sequence delimiter
        for (var i = start + 64; i < start + fragment.Length - 16; i += 3) bytes[i] = 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
