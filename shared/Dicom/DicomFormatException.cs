using AmpaCds.Domain;

namespace AmpaCds.Dicom;

/// <summary>The single exception type thrown for malformed DICOM input (file, dataset or PDU).</summary>
public sealed class DicomFormatException : AmpaCdsException
{
    public DicomFormatException(string message) : base(message) { }

    public DicomFormatException(string message, Exception inner) : base(message, inner) { }
}
