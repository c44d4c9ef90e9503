using System.Security.Cryptography;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Intake.Series;

/// <summary>
/// SHA-256 of what an instance says, not of how it travelled: the dataset is decoded (lossless syntaxes to native
/// pixels) and written as Explicit VR Little Endian before hashing. The same instances re-sent by another SCU, in
/// Implicit VR or JPEG-LS instead of Explicit VR, therefore hash alike and are not a new series version; a changed
/// value or pixel is.
/// </summary>
public static class InstanceContentHash
{
    public static string Of(ReadOnlyMemory<byte> storedFile)
    {
        var dataset = DicomDecompressor.Decompress(DicomFile.Open(storedFile).Dataset);
        var canonical = DicomFile.Create(dataset, TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes();
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
