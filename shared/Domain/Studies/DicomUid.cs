namespace AmpaCds.Domain.Studies;

/// <summary>The UID rules of DICOM PS3.5 section 9.1, checked once where an identity is made.</summary>
public static class DicomUid
{
    public const int MaximumLength = 64;

    /// <summary>Null when <paramref name="uid"/> is a valid UID, otherwise why it is not.</summary>
    public static string? Problem(string? uid)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return "it is empty";
        }

        if (uid.Length > MaximumLength)
        {
            return $"it has {uid.Length} characters, more than {MaximumLength}";
        }

        foreach (var component in uid.Split('.'))
        {
            if (component.Length == 0)
            {
                return "it has an empty component";
            }

            if (!component.All(char.IsAsciiDigit))
            {
                return $"component '{component}' is not all digits";
            }

            // "0" is a component in its own right; otherwise a leading zero would make two spellings of one number.
            if (component.Length > 1 && component[0] == '0')
            {
                return $"component '{component}' has a leading zero";
            }
        }

        return null;
    }

    public static bool IsValid(string? uid) => Problem(uid) is null;

    /// <summary>Returns <paramref name="uid"/> when valid; throws <see cref="InvalidDicomUidException"/> naming the attribute otherwise.</summary>
    public static string Require(string? uid, string attribute) =>
        Problem(uid) is { } problem ? throw new InvalidDicomUidException(attribute, uid, problem) : uid!;
}
