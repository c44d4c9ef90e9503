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

        var first = json.IndexOf("\"changeSummary\": \"first version\"", StringComparison.Ordinal);
        var second = json.IndexOf("\"changeSummary\": \"model 2026.1 -> 2026.2\"", StringComparison.Ordinal);
        Assert.Contains("\"versions\": [", json, StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, json);
        Assert.Contains("\"createdAt\": \"1970-01-02T00:00:00.0000000+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"correlationId\": \"00000000-0000-4000-8000-00000000000a\"", json, StringComparison.Ordinal);
    }
}
