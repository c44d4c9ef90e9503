using System.Numerics;

namespace AmpaCds.Dicom;

/// <summary>Well-known SOP class UIDs and a generator for new instance UIDs.</summary>
public static class DicomUids
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string StudyRootQueryRetrieveFind = "1.2.840.10008.5.1.4.1.2.2.1";
    public const string StudyRootQueryRetrieveMove = "1.2.840.10008.5.1.4.1.2.2.2";
    public const string PetImageStorage = "1.2.840.10008.5.1.4.1.1.128";
    public const string EnhancedPetImageStorage = "1.2.840.10008.5.1.4.1.1.130";
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string MrImageStorage = "1.2.840.10008.5.1.4.1.1.4";
    public const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>
    /// A new globally unique UID of the form 2.25.&lt;uuid as decimal&gt; (PS3.5 B.2), which needs no registered root.
    /// </summary>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[17];
        Guid.NewGuid().TryWriteBytes(bytes[..16], bigEndian: true, out _);
        bytes[16] = 0; // keeps the number positive for BigInteger's little-endian two's complement read
        var value = new BigInteger(bytes[..16], isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
