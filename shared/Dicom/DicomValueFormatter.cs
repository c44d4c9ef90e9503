using System.Buffers.Binary;
using System.Globalization;

namespace AmpaCds.Dicom;

/// <summary>Turns .NET values into correctly formatted, even-length DICOM value bytes for a VR.</summary>
internal static class DicomValueFormatter
{
    /// <summary>Formats a number as DS: at most 16 characters, invariant culture, shortest form that fits.</summary>
    public static string FormatDecimalString(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), "DS cannot hold NaN or infinity.");
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        for (var precision = 15; text.Length > 16 && precision > 0; precision--)
            text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text;
    }

    public static byte[] EncodeText(DicomVR vr, IReadOnlyList<string> values, IReadOnlyList<string> charsetTerms)
    {
        foreach (var v in values) Validate(vr, v);
        var joined = string.Join('\\', values);
        var bytes = vr.UsesCharacterSet
            ? DicomCharacterSet.Encode(joined, charsetTerms)
            : System.Text.Encoding.ASCII.GetBytes(joined);
        return PadToEven(bytes, vr.PaddingByte);
    }

    public static byte[] EncodeNumbers(DicomVR vr, ReadOnlySpan<double> values, IReadOnlyList<string> charsetTerms)
    {
        if (vr == DicomVR.DS || vr == DicomVR.IS || vr.Kind == DicomVRKind.Text)
        {
            var texts = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
                texts[i] = vr == DicomVR.IS ? FormatInteger(values[i]) : FormatDecimalString(values[i]);
            return EncodeText(vr == DicomVR.IS ? DicomVR.IS : DicomVR.DS, texts, charsetTerms);
        }
        var size = vr.UnitSize;
        if (vr == DicomVR.OB || vr == DicomVR.UN || vr == DicomVR.AT || vr == DicomVR.SQ)
            throw new ArgumentException($"Cannot store numbers in VR {vr}.", nameof(vr));
        var buffer = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
            WriteBinary(vr, buffer.AsSpan(i * size, size), values[i]);
        return buffer;
    }

    private static string FormatInteger(double value)
    {
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), $"IS needs a 32-bit integer, got {value}.");
        return ((int)value).ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteBinary(DicomVR vr, Span<byte> dest, double value)
    {
        if (vr == DicomVR.US || vr == DicomVR.OW) BinaryPrimitives.WriteUInt16LittleEndian(dest, checked((ushort)value));
        else if (vr == DicomVR.SS) BinaryPrimitives.WriteInt16LittleEndian(dest, checked((short)value));
        else if (vr == DicomVR.UL || vr == DicomVR.OL) BinaryPrimitives.WriteUInt32LittleEndian(dest, checked((uint)value));
        else if (vr == DicomVR.SL) BinaryPrimitives.WriteInt32LittleEndian(dest, checked((int)value));
        else if (vr == DicomVR.FL || vr == DicomVR.OF) BinaryPrimitives.WriteSingleLittleEndian(dest, (float)value);
        else if (vr == DicomVR.FD || vr == DicomVR.OD) BinaryPrimitives.WriteDoubleLittleEndian(dest, value);
        else if (vr == DicomVR.SV) BinaryPrimitives.WriteInt64LittleEndian(dest, checked((long)value));
        else if (vr == DicomVR.UV || vr == DicomVR.OV) BinaryPrimitives.WriteUInt64LittleEndian(dest, checked((ulong)value));
        else throw new ArgumentException($"Cannot store numbers in VR {vr}.", nameof(vr));
    }

    public static byte[] PadToEven(byte[] bytes, byte padding)
    {
        if ((bytes.Length & 1) == 0) return bytes;
        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = padding;
        return padded;
    }

    // Length limits of PS3.5 table 6.2-1 for the short, structured VRs; free-text VRs are not policed.
    // A caller may pass an already backslash-joined multi-value string, so each part is checked on its own.
    private static void Validate(DicomVR vr, string value)
    {
        var limited = vr == DicomVR.AE || vr == DicomVR.AS || vr == DicomVR.CS || vr == DicomVR.DA || vr == DicomVR.DS
            || vr == DicomVR.IS || vr == DicomVR.SH || vr == DicomVR.TM || vr == DicomVR.UI || vr == DicomVR.LO;
        if (!limited) return;
        foreach (var part in value.Split('\\'))
        {
            if (part.Length > vr.MaxLength)
                throw new ArgumentException($"Value '{part}' is longer than the {vr.MaxLength} characters allowed for VR {vr}.");
        }
    }
}
