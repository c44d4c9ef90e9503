namespace AmpaCds.Domain.Studies;

/// <summary>A study or series identity was given a string that is not a DICOM UID (PS3.5 9.1).</summary>
public sealed class InvalidDicomUidException(string attribute, string? value, string problem)
    : AmpaCdsException($"{attribute} '{value}' is not a DICOM UID: {problem}.")
{
    public string Attribute { get; } = attribute;

    public string? Value { get; } = value;
}
