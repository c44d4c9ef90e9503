namespace AmpaCds.Persistence.Tests.Support;

/// <summary>Makes the test bus refuse publishes while on, as a broker outage would.</summary>
public sealed class PublishFailureSwitch
{
    public volatile bool Failing;
}
