namespace AmpaCds.Dicom;

/// <summary>
/// Tag → VR lookup, needed to interpret Implicit VR data. Covers the tags AmpaCds uses plus common ones;
/// anything else decodes as UN (raw bytes kept, so nothing is lost on re-write).
/// </summary>
public static class DicomDictionary
{
    private static readonly Dictionary<uint, DicomVR> Entries = Build();

    /// <summary>VR for a tag from the dictionary, with generic rules for group lengths and private creators.</summary>
    public static DicomVR GetVR(DicomTag tag)
    {
        if (Entries.TryGetValue(tag.Value, out var vr)) return vr;
        if (tag.IsGroupLength) return DicomVR.UL;
        if (tag.IsPrivateCreator) return DicomVR.LO;
        // Curve/overlay repeating groups (60xx) keep their VRs across the range.
        if ((tag.Group & 0xFF00) == 0x6000 && Entries.TryGetValue(0x6000_0000u | tag.Element, out vr)) return vr;
        return DicomVR.UN;
    }

    /// <summary>True when the dictionary knows this exact tag.</summary>
    public static bool IsKnown(DicomTag tag) => Entries.ContainsKey(tag.Value);

    private static Dictionary<uint, DicomVR> Build()
    {
        var d = new Dictionary<uint, DicomVR>();
        void Add(DicomVR vr, params ReadOnlySpan<uint> tags) { foreach (var t in tags) d[t] = vr; }

        // Command set (PS3.7 E.1)
        Add(DicomVR.UI, 0x0000_0002, 0x0000_0003, 0x0000_1000, 0x0000_1001);
        Add(DicomVR.US, 0x0000_0100, 0x0000_0110, 0x0000_0120, 0x0000_0700, 0x0000_0800, 0x0000_0900,
            0x0000_1020, 0x0000_1021, 0x0000_1022, 0x0000_1023, 0x0000_1031, 0x0000_0903);
        Add(DicomVR.AE, 0x0000_0600, 0x0000_1030);
        Add(DicomVR.LO, 0x0000_0902);
        Add(DicomVR.AT, 0x0000_0901, 0x0000_1005);

        // File meta
        Add(DicomVR.OB, 0x0002_0001);
        Add(DicomVR.UI, 0x0002_0002, 0x0002_0003, 0x0002_0010, 0x0002_0012);
        Add(DicomVR.SH, 0x0002_0013);
        Add(DicomVR.AE, 0x0002_0016, 0x0002_0017, 0x0002_0018);

        Add(DicomVR.CS, 0x0008_0005, 0x0008_0008, 0x0008_0060, 0x0010_0040, 0x0018_5100, 0x0020_0060,
            0x0028_0004, 0x0028_0051, 0x0054_1000, 0x0054_1001, 0x0054_1002, 0x0054_1102,
            0x0054_1104, 0x0054_1105, 0x0018_0015, 0x0018_0022, 0x0018_1160);
        Add(DicomVR.DA, 0x0008_0012, 0x0008_0020, 0x0008_0021, 0x0008_0022, 0x0008_0023, 0x0010_0030);
        Add(DicomVR.TM, 0x0008_0013, 0x0008_0030, 0x0008_0031, 0x0008_0032, 0x0008_0033, 0x0018_1072, 0x0018_1073);
        Add(DicomVR.DT, 0x0008_002A, 0x0018_1078, 0x0018_1079);
        Add(DicomVR.UI, 0x0008_0016, 0x0008_0018, 0x0008_1150, 0x0008_1155, 0x0020_000D, 0x0020_000E,
            0x0020_0052, 0x0008_0014, 0x0020_0200);
        Add(DicomVR.SH, 0x0008_0050, 0x0020_0010, 0x0008_1010);
        Add(DicomVR.LO, 0x0008_0070, 0x0008_0080, 0x0008_1030, 0x0008_103E, 0x0008_1090, 0x0010_0020,
            0x0018_0031, 0x0018_1020, 0x0018_1030, 0x0054_1105, 0x0010_1090, 0x0010_21B0);
        Add(DicomVR.PN, 0x0008_0090, 0x0010_0010, 0x0008_1050, 0x0008_1070);
        Add(DicomVR.AS, 0x0010_1010);
        Add(DicomVR.DS, 0x0010_1020, 0x0010_1030, 0x0018_0050, 0x0018_0088, 0x0018_1074, 0x0018_1075,
            0x0018_1076, 0x0018_1100, 0x0018_1242, 0x0020_0032, 0x0020_0037, 0x0020_1041, 0x0028_0030,
            0x0028_1050, 0x0028_1051, 0x0028_1052, 0x0028_1053, 0x0054_1300, 0x0054_1321, 0x0054_1322,
            0x0054_1323, 0x0054_1324, 0x0018_0060, 0x0018_1150, 0x0018_1151, 0x0018_1152, 0x0018_1071);
        Add(DicomVR.LT, 0x0010_4000, 0x0020_4000);
        Add(DicomVR.IS, 0x0020_0011, 0x0020_0012, 0x0020_0013, 0x0028_0008, 0x0020_0105, 0x0018_0086);
        Add(DicomVR.US, 0x0028_0002, 0x0028_0010, 0x0028_0011, 0x0028_0100, 0x0028_0101, 0x0028_0102,
            0x0028_0103, 0x0028_0106, 0x0028_0107, 0x0054_0081, 0x0054_0101, 0x0054_1330, 0x0028_0006,
            0x0054_0011, 0x0054_0021, 0x0054_0051, 0x0054_0071);
        Add(DicomVR.LO, 0x0028_1054, 0x0054_0400);
        // Attenuation Correction Method and Reconstruction Method are free text (LO), the kernel a short string.
        Add(DicomVR.LO, 0x0054_1101, 0x0054_1103);
        Add(DicomVR.SH, 0x0018_1210);
        Add(DicomVR.SQ, 0x0054_0016, 0x0008_1140, 0x0008_1115, 0x0008_1111, 0x0008_1032, 0x0054_0300,
            0x0054_0304, 0x0054_0410, 0x0054_0412, 0x0054_0414, 0x0040_0260, 0x0040_0275, 0x0008_9215,
            0x5200_9229, 0x5200_9230, 0x0020_9113, 0x0020_9116, 0x0028_9110, 0x0028_9145, 0x0040_A730,
            0x0040_A043, 0x0040_A168, 0x0008_1084, 0x0032_1064);
        Add(DicomVR.SH, 0x0008_0100, 0x0008_0102);
        Add(DicomVR.LO, 0x0008_0104);
        Add(DicomVR.OW, 0x7FE0_0010, 0x6000_3000);
        Add(DicomVR.US, 0x6000_0010, 0x6000_0011, 0x6000_0100, 0x6000_0102);
        Add(DicomVR.SS, 0x6000_0050);
        Add(DicomVR.CS, 0x6000_0040);
        Add(DicomVR.OB, 0xFFFC_FFFC);

        // Query/retrieve keys (PS3.4 C.6.2)
        Add(DicomVR.CS, 0x0008_0052, 0x0008_0061);
        Add(DicomVR.IS, 0x0020_1206, 0x0020_1208, 0x0020_1209);
        Add(DicomVR.UI, 0x0008_0058);
        return d;
    }
}
