namespace AmpaCds.Domain;

/// <summary>
/// Base of the project's own exception types (malformed DICOM or NIfTI, an SUV that cannot be computed, features the
/// model must not score, a rejected identity, ...). Callers that turn "this input cannot be used" into a refusal catch
/// this one type instead of listing every specific exception; framework exceptions (bugs, I/O) stay outside it.
/// </summary>
public abstract class AmpaCdsException : Exception
{
    protected AmpaCdsException(string message)
        : base(message)
    {
    }

    protected AmpaCdsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
