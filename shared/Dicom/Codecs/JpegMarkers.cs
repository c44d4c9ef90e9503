namespace AmpaCds.Dicom.Codecs;

/// <summary>JPEG marker codes (ITU T.81 Table B.1), the byte that follows 0xFF.</summary>
internal static class JpegMarkers
{
    public const byte Sof0 = 0xC0;
    public const byte Sof3 = 0xC3;
    public const byte Dht = 0xC4;
    public const byte Jpg = 0xC8;
    public const byte Dac = 0xCC;
    public const byte Sof15 = 0xCF;
    public const byte Rst0 = 0xD0;
    public const byte Rst7 = 0xD7;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte App0 = 0xE0;
    public const byte App15 = 0xEF;
    public const byte SofJpegLs = 0xF7;
    public const byte Lse = 0xF8; // JPEG-LS preset parameters (T.87 C.2.4.1)
    public const byte Com = 0xFE;

    /// <summary>True for SOF0..SOF15 (0xC0..0xCF without DHT, JPG and DAC, which share the range).</summary>
    public static bool IsStartOfFrame(byte code) =>
        code is >= Sof0 and <= Sof15 and not Dht and not Jpg and not Dac;

    /// <summary>The JPEG process(es) a frame type stands for (PS3.5 10.2 numbering), for refusal messages.</summary>
    public static string Process(byte sof) => (sof - Sof0) switch
    {
        0 => "1 (baseline)",
        1 => "2/4 (extended sequential)",
        2 => "6/8/10/12 (progressive)",
        3 => "14 (lossless)",
        5 => "16-27 (hierarchical sequential)",
        6 => "16-27 (hierarchical progressive)",
        7 => "28 (hierarchical lossless)",
        9 => "3/5 (arithmetic sequential)",
        10 => "7/9/11/13 (arithmetic progressive)",
        11 => "15 (arithmetic lossless)",
        _ => "hierarchical arithmetic",
    };

    public static string Name(byte code) => code switch
    {
        Dht => "DHT",
        Dac => "DAC",
        Soi => "SOI",
        Eoi => "EOI",
        Sos => "SOS",
        Dqt => "DQT",
        Dnl => "DNL",
        Dri => "DRI",
        Com => "COM",
        SofJpegLs => "SOF55 (JPEG-LS)",
        >= Rst0 and <= Rst7 => $"RST{code - Rst0}",
        >= App0 and <= App15 => $"APP{code - App0}",
        _ when IsStartOfFrame(code) => $"SOF{code - Sof0}",
        _ => $"0xFF{code:X2}",
    };
}
