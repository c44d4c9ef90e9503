using System.Buffers.Binary;
using System.Globalization;

namespace AmpaCds.Dicom;

/// <summary>Reads numbers out of raw element bytes, for both binary VRs and the DS/IS text VRs.</summary>
internal static class DicomValueParser
{
    public static bool IsBinaryNumeric(DicomVR vr) =>
        vr == DicomVR.US || vr == DicomVR.SS || vr == DicomVR.UL || vr == DicomVR.SL || vr == DicomVR.FL
        || vr == DicomVR.FD || vr == DicomVR.SV || vr == DicomVR.UV || vr == DicomVR.OW || vr == DicomVR.OL
        || vr == DicomVR.OF || vr == DicomVR.OD || vr == DicomVR.OV;

    public static int CountBinary(DicomElement element) => element.Length / element.VR.UnitSize;

    public static double ReadBinary(DicomVR vr, ReadOnlySpan<byte> value, int index)
    {
        var s = value.Slice(index * vr.UnitSize, vr.UnitSize);
        if (vr == DicomVR.US || vr == DicomVR.OW) return BinaryPrimitives.ReadUInt16LittleEndian(s);
        if (vr == DicomVR.SS) return BinaryPrimitives.ReadInt16LittleEndian(s);
        if (vr == DicomVR.UL || vr == DicomVR.OL) return BinaryPrimitives.ReadUInt32LittleEndian(s);
        if (vr == DicomVR.SL) return BinaryPrimitives.ReadInt32LittleEndian(s);
        if (vr == DicomVR.FL || vr == DicomVR.OF) return BinaryPrimitives.ReadSingleLittleEndian(s);
        if (vr == DicomVR.FD || vr == DicomVR.OD) return BinaryPrimitives.ReadDoubleLittleEndian(s);
        if (vr == DicomVR.SV) return BinaryPrimitives.ReadInt64LittleEndian(s);
        return BinaryPrimitives.ReadUInt64LittleEndian(s);
    }

    public static long ReadBinaryInteger(DicomVR vr, ReadOnlySpan<byte> value, int index)
    {
        var s = value.Slice(index * vr.UnitSize, vr.UnitSize);
        if (vr == DicomVR.SV) return BinaryPrimitives.ReadInt64LittleEndian(s);
        if (vr == DicomVR.UV || vr == DicomVR.OV) return checked((long)BinaryPrimitives.ReadUInt64LittleEndian(s));
        var d = ReadBinary(vr, value, index);
        if (d != Math.Floor(d)) throw new FormatException($"Value {d} of VR {vr} is not an integer.");
        return (long)d;
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Formats binary values as text ("1\2\3") so GetString works on any VR.</summary>
    public static string FormatBinary(DicomElement element)
    {
        var vr = element.VR;
        if (vr == DicomVR.AT)
        {
            var span = element.Buffer.Span;
            var parts = new string[span.Length / 4];
            for (var i = 0; i < parts.Length; i++)
                parts[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 4)..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 4 + 2)..])).ToString();
            return string.Join('\\', parts);
        }
        if (!IsBinaryNumeric(vr)) return Convert.ToHexString(element.Buffer.Span);
        var count = CountBinary(element);
        var values = new string[count];
        for (var i = 0; i < count; i++)
            values[i] = ReadBinary(vr, element.Buffer.Span, i).ToString("R", CultureInfo.InvariantCulture);
        return string.Join('\\', values);
    }
}
