using System.Collections.Concurrent;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>What RunOnceAsync answered for each delivery the effect consumer got (true: applied, false: duplicate).</summary>
public sealed class EffectOutcomes
{
    private readonly ConcurrentQueue<(Guid MessageId, bool Applied)> _outcomes = new();

    public void Add(Guid messageId, bool applied) => _outcomes.Enqueue((messageId, applied));

    public IReadOnlyList<(Guid MessageId, bool Applied)> All => [.. _outcomes];
}
