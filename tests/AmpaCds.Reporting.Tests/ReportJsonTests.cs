using AmpaCds.Reporting.Api;
using AmpaCds.Reporting.Studies;
using Google.Protobuf;

namespace AmpaCds.Reporting.Tests;

/// <summary>`ampacds report --format json` prints the proto with these formatter settings; the versions must be in it.</summary>
public sealed class ReportJsonTests
{
    private static readonly JsonFormatter CliFormatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    [Fact]
    public void The_cli_json_shows_every_version_oldest_first()
    {
        var run = Guid.Parse("00000000-0000-4000-8000-00000000000a");
        var record = StudyRecords.Complete() with
        {
            ReportVersion = 2,
            Versions =
            [
                new ReportVersionRecord(1, run, "hash-a", 1, "2026.1", "first version", DateTimeOffset.UnixEpoch),
                new ReportVersionRecord(2, run, "hash-a", 1, "2026.2", "model 2026.1 -> 2026.2", DateTimeOffset.UnixEpoch.AddDays(1)),
            ],
        };

        var json = CliFormatter.Format(ReportMapper.ToReport(record));

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var versions = document.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["first version", "model 2026.1 -> 2026.2"], versions.Select(version => version.GetProperty("changeSummary").GetString()));
        Assert.Equal([1, 2], versions.Select(version => version.GetProperty("version").GetInt32()));
        Assert.Equal("1970-01-02T00:00:00.0000000+00:00", versions[1].GetProperty("createdAt").GetString());
        Assert.Equal("00000000-0000-4000-8000-00000000000a", versions[1].GetProperty("correlationId").GetString());
        Assert.Equal("2026.2", versions[1].GetProperty("modelVersion").GetString());
    }
}
