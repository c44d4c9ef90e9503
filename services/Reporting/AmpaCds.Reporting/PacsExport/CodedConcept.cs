using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>A coded concept (Code Value, Coding Scheme Designator, Code Meaning), PS3.3 Table 8.8-1 basic code macro.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    // Code Value is SH (16 characters); longer values go in Long Code Value (UC) instead, as PS3.3 8.8 allows.
    // UTF-8 throughout: an atlas region's name is both value and meaning, and need not be ASCII.
    public DicomDataset ToItem() => new DicomDataset()
        .AddText(Value.Length <= 16 ? PacsTags.CodeValue : PacsTags.LongCodeValue, Value.Length <= 16 ? DicomVR.SH : DicomVR.UC, Value)
        .AddText(PacsTags.CodingSchemeDesignator, DicomVR.SH, Scheme)
        .AddText(DicomTags.CodeMeaning, DicomVR.LO, Meaning);

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
