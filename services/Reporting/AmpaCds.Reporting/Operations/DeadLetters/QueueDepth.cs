namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>One consumer queue: messages waiting, consumers attached, and messages in its _error queue.</summary>
public sealed record QueueDepth(string Queue, long Ready, long Consumers, long DeadLetters);
