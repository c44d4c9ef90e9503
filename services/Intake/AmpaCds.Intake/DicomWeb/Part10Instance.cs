using System.Buffers.Binary;
using AmpaCds.Dicom;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// A Part 10 file cut into its file meta information and the raw dataset bytes, so the dataset can
/// go to InstanceIntake exactly as a C-STORE dataset does (same parser, same validation).
/// </summary>
public sealed record Part10Instance(DicomDataset Meta, TransferSyntax Syntax, ReadOnlyMemory<byte> DatasetBytes)
{
    private const int PreambleLength = 128;
    private static readonly string[] LongHeaderVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    public string SopClassUid => Meta.GetString(DicomTags.MediaStorageSOPClassUID) ?? "";

    public string SopInstanceUid => Meta.GetString(DicomTags.MediaStorageSOPInstanceUID) ?? "";

    /// <summary>Throws <see cref="DicomFormatException"/> with the cause when the bytes are not a Part 10 file.</summary>
    public static Part10Instance Split(ReadOnlyMemory<byte> file)
    {
        if (file.Length < PreambleLength + 4 || !file.Span.Slice(PreambleLength, 4).SequenceEqual("DICM"u8))
        {
            throw new DicomFormatException("not a DICOM Part 10 file: no 'DICM' prefix after the 128-byte preamble");
        }
        var body = file[(PreambleLength + 4)..];
        var metaLength = MetaLength(body.Span);
        var meta = DicomDatasetReader.Read(body[..metaLength], TransferSyntax.ExplicitVRLittleEndian);
        var syntaxUid = meta.GetString(DicomTags.TransferSyntaxUID)
            ?? throw new DicomFormatException("file meta information has no Transfer Syntax UID (0002,0010)");
        return new Part10Instance(meta, TransferSyntax.Parse(syntaxUid), body[metaLength..]);
    }

    // Walks the group 0002 elements (always Explicit VR Little Endian) instead of trusting (0002,0000).
    private static int MetaLength(ReadOnlySpan<byte> body)
    {
        var position = 0;
        while (position + 8 <= body.Length && BinaryPrimitives.ReadUInt16LittleEndian(body[position..]) == 0x0002)
        {
            var vr = System.Text.Encoding.ASCII.GetString(body.Slice(position + 4, 2));
            long length;
            int header;
            if (LongHeaderVRs.Contains(vr))
            {
                if (position + 12 > body.Length)
                {
                    throw new DicomFormatException($"file meta information truncated at offset {position}");
                }
                length = BinaryPrimitives.ReadUInt32LittleEndian(body[(position + 8)..]);
                header = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(body[(position + 6)..]);
                header = 8;
            }
            if (position + header + length > body.Length)
            {
                throw new DicomFormatException($"file meta element at offset {position} has length {length} past the end of the part");
            }
            position += header + (int)length;
        }
        if (position == 0)
        {
            throw new DicomFormatException("file meta information (group 0002) is missing");
        }
        return position;
    }
}
