namespace AmpaCds.Persistence.CrashHarness;

/// <summary>The effect of one consumed message: the crash test counts these rows.</summary>
public sealed class ProbeEffect
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }
}
