using AmpaCds.Dicom.Network;

namespace AmpaCds.Dicom.Tests;

/// <summary>The server's C-FIND SCP plumbing with our SCU: pending responses in order, the identifier as sent, failures with reasons.</summary>
public class FindScpTests
{
    [Fact]
    public async Task Every_match_arrives_as_a_pending_response_and_the_handler_sees_the_identifier()
    {
        await using var fx = await ServerFixture.StartAsync();
        CFindRequest? seen = null;
        fx.Handler.Find = request =>
        {
            seen = request;
            var matches = new[] { "1.2.3.1", "1.2.3.2" }.Select(uid => new DicomDataset()
                .AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, "STUDY")
                .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, uid)
                .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "P7")).ToList();
            return new CFindResult(DicomStatus.Success, matches, DicomStatus.PendingWithOptionalKeysUnsupported);
        };
        var client = new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS") { Timeout = TimeSpan.FromSeconds(10) };

        var matches = await client.FindAsync(new DicomQuery { PatientId = "P7", StudyDate = "20260101-" });

        Assert.Equal(["1.2.3.1", "1.2.3.2"], matches.Select(m => m.GetString(DicomTags.StudyInstanceUID)));
        Assert.Equal("P7", seen!.Identifier.GetString(DicomTags.PatientID));
        Assert.Equal("20260101-", seen.Identifier.GetString(DicomTags.StudyDate));
        Assert.Equal("SCU", seen.CallingAeTitle);
        Assert.Equal(DicomUids.StudyRootQueryRetrieveFind, seen.AffectedSopClassUid);
    }

    [Fact]
    public async Task A_handler_failure_is_a_final_status_with_the_reason_and_the_next_query_is_answered()
    {
        await using var fx = await ServerFixture.StartAsync();
        var calls = 0;
        fx.Handler.Find = _ => ++calls == 1 ? throw new InvalidOperationException("index unavailable") : new CFindResult(DicomStatus.Success, []);
        var client = new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS") { Timeout = TimeSpan.FromSeconds(10) };

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => client.FindAsync(new DicomQuery { PatientId = "P7" }));

        Assert.Equal(DicomStatus.CannotUnderstand, error.Status);
        Assert.Contains("index unavailable", error.Message, StringComparison.Ordinal);
        Assert.Empty(await client.FindAsync(new DicomQuery { PatientId = "P7" }));
    }

    [Fact]
    public async Task Without_query_classes_the_find_context_is_refused_at_association()
    {
        await using var fx = await ServerFixture.StartAsync();
        var client = new DicomClient("127.0.0.1", fx.Port, "SCU", "AMPACDS") { Timeout = TimeSpan.FromSeconds(10) };

        await Assert.ThrowsAnyAsync<DicomNetworkException>(() => client.FindAsync(new DicomQuery { PatientId = "P7" }));
    }
}
