namespace AmpaCds.Dicom;

/// <summary>
/// A DICOM value representation (PS3.5 6.2). Instances are singletons so reference equality is enough.
/// </summary>
public sealed class DicomVR
{
    private DicomVR(string code, DicomVRKind kind, int unitSize, byte padding, int maxLength, bool longHeader)
    {
        Code = code;
        Kind = kind;
        UnitSize = unitSize;
        PaddingByte = padding;
        MaxLength = maxLength;
        HasLongExplicitHeader = longHeader;
    }

    /// <summary>Two-letter code, e.g. "DS".</summary>
    public string Code { get; }

    public DicomVRKind Kind { get; }

    /// <summary>Size of one binary unit (2 for US/OW, 4 for UL/FL, 8 for FD/SV...), 1 for text/bytes; drives byte swapping.</summary>
    public int UnitSize { get; }

    /// <summary>Byte used to pad values to even length: space for text, NUL for UI and binary.</summary>
    public byte PaddingByte { get; }

    /// <summary>Maximum length of a single value in characters (0 = no limit beyond the 32-bit length).</summary>
    public int MaxLength { get; }

    /// <summary>
    /// True when explicit VR encoding uses 2 reserved bytes + a 32-bit length (OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV);
    /// all other VRs use a 16-bit length.
    /// </summary>
    public bool HasLongExplicitHeader { get; }

    /// <summary>Text VRs whose values are affected by Specific Character Set (others are plain ASCII).</summary>
    public bool UsesCharacterSet => this == LO || this == LT || this == PN || this == SH || this == ST || this == UC || this == UT;

    /// <summary>Text VRs where backslash separates multiple values (LT, ST, UT, UR are single valued).</summary>
    public bool IsMultiValuedText => Kind == DicomVRKind.Text && this != LT && this != ST && this != UT && this != UR;

    public static readonly DicomVR AE = new("AE", DicomVRKind.Text, 1, (byte)' ', 16, false);
    public static readonly DicomVR AS = new("AS", DicomVRKind.Text, 1, (byte)' ', 4, false);
    public static readonly DicomVR AT = new("AT", DicomVRKind.Binary, 2, 0, 0, false);
    public static readonly DicomVR CS = new("CS", DicomVRKind.Text, 1, (byte)' ', 16, false);
    public static readonly DicomVR DA = new("DA", DicomVRKind.Text, 1, (byte)' ', 18, false);
    public static readonly DicomVR DS = new("DS", DicomVRKind.Text, 1, (byte)' ', 16, false);
    public static readonly DicomVR DT = new("DT", DicomVRKind.Text, 1, (byte)' ', 54, false);
    public static readonly DicomVR FD = new("FD", DicomVRKind.Binary, 8, 0, 0, false);
    public static readonly DicomVR FL = new("FL", DicomVRKind.Binary, 4, 0, 0, false);
    public static readonly DicomVR IS = new("IS", DicomVRKind.Text, 1, (byte)' ', 12, false);
    public static readonly DicomVR LO = new("LO", DicomVRKind.Text, 1, (byte)' ', 64, false);
    public static readonly DicomVR LT = new("LT", DicomVRKind.Text, 1, (byte)' ', 10240, false);
    public static readonly DicomVR OB = new("OB", DicomVRKind.Binary, 1, 0, 0, true);
    public static readonly DicomVR OD = new("OD", DicomVRKind.Binary, 8, 0, 0, true);
    public static readonly DicomVR OF = new("OF", DicomVRKind.Binary, 4, 0, 0, true);
    public static readonly DicomVR OL = new("OL", DicomVRKind.Binary, 4, 0, 0, true);
    public static readonly DicomVR OV = new("OV", DicomVRKind.Binary, 8, 0, 0, true);
    public static readonly DicomVR OW = new("OW", DicomVRKind.Binary, 2, 0, 0, true);
    public static readonly DicomVR PN = new("PN", DicomVRKind.Text, 1, (byte)' ', 64, false);
    public static readonly DicomVR SH = new("SH", DicomVRKind.Text, 1, (byte)' ', 16, false);
    public static readonly DicomVR SL = new("SL", DicomVRKind.Binary, 4, 0, 0, false);
    public static readonly DicomVR SQ = new("SQ", DicomVRKind.Sequence, 1, 0, 0, true);
    public static readonly DicomVR SS = new("SS", DicomVRKind.Binary, 2, 0, 0, false);
    public static readonly DicomVR ST = new("ST", DicomVRKind.Text, 1, (byte)' ', 1024, false);
    public static readonly DicomVR SV = new("SV", DicomVRKind.Binary, 8, 0, 0, true);
    public static readonly DicomVR TM = new("TM", DicomVRKind.Text, 1, (byte)' ', 16, false);
    public static readonly DicomVR UC = new("UC", DicomVRKind.Text, 1, (byte)' ', 0, true);
    public static readonly DicomVR UI = new("UI", DicomVRKind.Text, 1, 0, 64, false);
    public static readonly DicomVR UL = new("UL", DicomVRKind.Binary, 4, 0, 0, false);
    public static readonly DicomVR UN = new("UN", DicomVRKind.Binary, 1, 0, 0, true);
    public static readonly DicomVR UR = new("UR", DicomVRKind.Text, 1, (byte)' ', 0, true);
    public static readonly DicomVR US = new("US", DicomVRKind.Binary, 2, 0, 0, false);
    public static readonly DicomVR UT = new("UT", DicomVRKind.Text, 1, (byte)' ', 0, true);
    public static readonly DicomVR UV = new("UV", DicomVRKind.Binary, 8, 0, 0, true);

    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH,
        SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    private static readonly Dictionary<ushort, DicomVR> ByCode = All.ToDictionary(v => Pack(v.Code[0], v.Code[1]));

    /// <summary>Looks up a VR from its two encoded bytes; false for anything not in PS3.5.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr) =>
        ByCode.TryGetValue(Pack((char)first, (char)second), out vr!);

    public static DicomVR Parse(string code) =>
        code.Length == 2 && ByCode.TryGetValue(Pack(code[0], code[1]), out var vr)
            ? vr
            : throw new ArgumentException($"Unknown DICOM VR '{code}'.", nameof(code));

    private static ushort Pack(char a, char b) => (ushort)((a << 8) | b);

    public override string ToString() => Code;
}
