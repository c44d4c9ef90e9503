using System.Text;
using AmpaCds.Reporting.Operations.DeadLetters;

namespace AmpaCds.Reporting.Tests.Operations;

/// <summary>What a dead letter's MassTransit fault headers say, as AMQP delivers them (strings as bytes).</summary>
public sealed class FaultHeadersTests
{
    private static Dictionary<string, object?> Headers() => new(StringComparer.Ordinal)
    {
        ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
        ["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes("Npgsql.PostgresException"),
        ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("55000: database \"it_x_prediction\" is not currently accepting connections"),
        ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes("2026-12-05T17:02:03.4560000Z"),
        ["MT-Fault-MessageType"] = Encoding.UTF8.GetBytes("AmpaCds.Contracts.Messages.RegionalUptakeMeasured"),
        ["MT-Fault-RetryCount"] = 3,
        ["MT-Activity-Id"] = Encoding.UTF8.GetBytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        ["Content-Type"] = Encoding.UTF8.GetBytes("application/vnd.masstransit+json"),
    };

    [Fact]
    public void ReadsTheFaultAsOperationsSeeIt()
    {
        var headers = Headers();
        Assert.Equal("Npgsql.PostgresException", FaultHeaders.Text(headers, FaultHeaders.ExceptionType));
        Assert.Equal("55000: database \"it_x_prediction\" is not currently accepting connections", FaultHeaders.ShortReason(headers));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 17, 2, 3, 456, TimeSpan.Zero), FaultHeaders.FaultedAt(headers));
        Assert.Equal("RegionalUptakeMeasured", FaultHeaders.ShortMessageType(FaultHeaders.Text(headers, FaultHeaders.MessageType)));
        Assert.Equal("PetSeriesReceived", FaultHeaders.ShortMessageType("urn:message:AmpaCds.Contracts.Messages:PetSeriesReceived;urn:message:Other:Base"));
        Assert.Equal("NoNamespace", FaultHeaders.ShortMessageType("NoNamespace"));
        Assert.Equal("3", FaultHeaders.Text(headers, "MT-Fault-RetryCount"));
        Assert.Equal("", FaultHeaders.Text(headers, "MT-Missing"));
        Assert.Null(FaultHeaders.FaultedAt(new Dictionary<string, object?>()));
    }

    [Fact]
    public void ALongReasonIsCutAndKeptOnOneLine()
    {
        var headers = Headers();
        headers[FaultHeaders.Message] = Encoding.UTF8.GetBytes("first line\n" + new string('x', 1000));
        var reason = FaultHeaders.ShortReason(headers);
        Assert.Equal(401, reason.Length);
        Assert.StartsWith("first line x", reason, StringComparison.Ordinal);
        Assert.EndsWith("…", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayKeepsTheMessagesOwnHeadersAndDropsTheFault()
    {
        var kept = FaultHeaders.WithoutFault(Headers());
        Assert.Equal(["Content-Type", "MT-Activity-Id"], kept.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(FaultHeaders.WithoutFault(null));
    }
}
