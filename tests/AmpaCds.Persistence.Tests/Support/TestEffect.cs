namespace AmpaCds.Persistence.Tests.Support;

/// <summary>The row a test consumer's effect writes: one per applied message.</summary>
public sealed class TestEffect
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public string Value { get; set; } = "";
}
