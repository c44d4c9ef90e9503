namespace AmpaCds.Intake.Validation;

/// <summary>Why an instance was refused, with the DIMSE status the sender receives.</summary>
public sealed record InstanceRejection(ushort Status, string Reason);
