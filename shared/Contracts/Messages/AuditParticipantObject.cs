namespace AmpaCds.Contracts.Messages;

/// <summary>A participant object of an <see cref="AuditEventRecorded"/>: its AuditObjectKind name, id and optional name.</summary>
public sealed record AuditParticipantObject(string Kind, string Id, string? Name);
