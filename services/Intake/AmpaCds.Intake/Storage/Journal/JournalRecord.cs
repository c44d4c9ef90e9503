namespace AmpaCds.Intake.Storage.Journal;

/// <summary>A record written to the journal and waiting for the flush that makes it durable: its file's key and bytes, where it starts and ends.</summary>
internal readonly record struct JournalRecord(string Key, ReadOnlyMemory<byte> Content, JournalPosition Start, JournalPosition End);
