namespace AmpaCds.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>Sets a text value (or numbers written as text for binary numeric VRs). VR from the caller.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, string value) => AddOrUpdate(tag, vr, [value]);

    /// <summary>Sets a value using the dictionary VR; throws for tags the dictionary does not know.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, string value)
    {
        var vr = DicomDictionary.GetVR(tag);
        if (vr == DicomVR.UN) throw new ArgumentException($"No dictionary VR for {tag}; pass the VR explicitly.", nameof(tag));
        return AddOrUpdate(tag, vr, value);
    }

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params string[] values)
    {
        if (DicomValueParser.IsBinaryNumeric(vr))
        {
            var numbers = values.SelectMany(v => v.Split('\\')).Where(v => v.Length > 0)
                .Select(v => DicomValueParser.TryParseNumber(v, out var d) ? d
                    : throw new ArgumentException($"'{v}' is not a number for VR {vr}.")).ToArray();
            return AddOrUpdate(tag, vr, numbers);
        }
        if (vr.Kind == DicomVRKind.Sequence) throw new ArgumentException("Use AddSequence for SQ.", nameof(vr));
        if (vr.Kind != DicomVRKind.Text)
            return AddOrUpdate(tag, vr, System.Text.Encoding.ASCII.GetBytes(string.Join('\\', values)));
        var terms = tag == DicomTags.SpecificCharacterSet ? [] : CharacterSetTerms;
        return AddOrUpdate(new DicomElement(tag, vr, DicomValueFormatter.EncodeText(vr, values, terms)));
    }

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, double value) => AddOrUpdate(tag, vr, [value]);

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params double[] values) =>
        AddOrUpdate(new DicomElement(tag, vr, DicomValueFormatter.EncodeNumbers(vr, values, CharacterSetTerms)));

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, int value) => AddOrUpdate(tag, vr, [(double)value]);

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, ushort value) => AddOrUpdate(tag, vr, [(double)value]);

    /// <summary>Sets raw value bytes (little-endian for binary VRs); odd lengths get the VR's padding byte.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, byte[] value)
    {
        if (vr.Kind == DicomVRKind.Sequence) throw new ArgumentException("Use AddSequence for SQ.", nameof(vr));
        return AddOrUpdate(new DicomElement(tag, vr, DicomValueFormatter.PadToEven(value, vr.PaddingByte)));
    }

    /// <summary>Sets an attribute tag (AT) value list.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, params DicomTag[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), values[i].Group);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4 + 2), values[i].Element);
        }
        return AddOrUpdate(new DicomElement(tag, DicomVR.AT, bytes));
    }

    public DicomDataset AddSequence(DicomTag tag, params IEnumerable<DicomDataset> items) =>
        AddOrUpdate(new DicomSequence(tag, items));
}
