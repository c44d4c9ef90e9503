using AmpaCds.Domain;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>A request refused as a whole (415, 400, 413), with the reason the client reads in the body.</summary>
public sealed class DicomWebRequestException(int statusCode, string reason) : AmpaCdsException(reason)
{
    public int StatusCode { get; } = statusCode;
}
