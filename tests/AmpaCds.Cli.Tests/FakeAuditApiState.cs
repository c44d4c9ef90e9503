using AmpaCds.Contracts.Audit;

namespace AmpaCds.Cli.Tests;

public sealed class FakeAuditApiState
{
    public ListAuditEventsRequest? LastRequest { get; set; }
}
