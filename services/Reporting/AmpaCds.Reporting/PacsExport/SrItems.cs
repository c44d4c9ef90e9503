using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>Content items of a Comprehensive SR (PS3.3 C.17.3), one factory per value type the measurement report uses.</summary>
internal static class SrItems
{
    public const string Contains = "CONTAINS";
    public const string HasConceptModifier = "HAS CONCEPT MOD";
    public const string HasObservationContext = "HAS OBS CONTEXT";

    public static DicomDataset Container(string relationship, CodedConcept concept, params IEnumerable<DicomDataset> children) =>
        Item(relationship, "CONTAINER", concept)
            .AddOrUpdate(PacsTags.ContinuityOfContent, DicomVR.CS, "SEPARATE")
            .AddSequence(PacsTags.ContentSequence, children);

    public static DicomDataset Text(string relationship, CodedConcept concept, string text) =>
        Item(relationship, "TEXT", concept).AddText(PacsTags.TextValue, DicomVR.UT, text);

    public static DicomDataset Code(string relationship, CodedConcept concept, CodedConcept value) =>
        Item(relationship, "CODE", concept).AddSequence(PacsTags.ConceptCodeSequence, value.ToItem());

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid) =>
        Item(relationship, "UIDREF", concept).AddOrUpdate(PacsTags.Uid, DicomVR.UI, uid);

    public static DicomDataset Num(string relationship, CodedConcept concept, double value, CodedConcept units,
        params IEnumerable<DicomDataset> modifiers)
    {
        var measured = new DicomDataset()
            .AddSequence(PacsTags.MeasurementUnitsCodeSequence, units.ToItem())
            .AddOrUpdate(PacsTags.NumericValue, DicomVR.DS, value);
        var item = Item(relationship, "NUM", concept).AddSequence(PacsTags.MeasuredValueSequence, measured);
        var list = modifiers.ToList();
        return list.Count == 0 ? item : item.AddSequence(PacsTags.ContentSequence, list);
    }

    /// <summary>An IMAGE item without a concept name, as an Image Library entry (TID 1601) has.</summary>
    public static DicomDataset Image(string relationship, SourceImage image) => new DicomDataset()
        .AddOrUpdate(PacsTags.RelationshipType, DicomVR.CS, relationship)
        .AddOrUpdate(PacsTags.ValueType, DicomVR.CS, "IMAGE")
        .AddSequence(PacsTags.ReferencedSopSequence, new DicomDataset()
            .AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, image.SopClassUid)
            .AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, image.SopInstanceUid));

    private static DicomDataset Item(string relationship, string valueType, CodedConcept concept) => new DicomDataset()
        .AddOrUpdate(PacsTags.RelationshipType, DicomVR.CS, relationship)
        .AddOrUpdate(PacsTags.ValueType, DicomVR.CS, valueType)
        .AddSequence(PacsTags.ConceptNameCodeSequence, concept.ToItem());
}
