namespace AmpaCds.Intake.Storage.Journal;

/// <summary>A record read back from the journal: the blob key and the bytes that belong there.</summary>
internal sealed record JournalEntry(string Key, ReadOnlyMemory<byte> Payload);
