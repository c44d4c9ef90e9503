using System.Buffers.Binary;

namespace AmpaCds.Imaging.Nifti;

/// <summary>Decodes NIfTI voxel arrays of any supported type to float.</summary>
internal static class NiftiValues
{
    public static int Size(NiftiDataType type) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Float64 => 8,
        _ => throw new NiftiFormatException($"NIfTI datatype {(short)type} is not supported."),
    };

    public static float[] Decode(byte[] raw, int offset, int count, NiftiDataType type, bool little)
    {
        var values = new float[count];
        int size = Size(type);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> b = raw.AsSpan(offset + i * size, size);
            values[i] = type switch
            {
                NiftiDataType.UInt8 => b[0],
                NiftiDataType.Int8 => (sbyte)b[0],
                NiftiDataType.Int16 => little ? BinaryPrimitives.ReadInt16LittleEndian(b) : BinaryPrimitives.ReadInt16BigEndian(b),
                NiftiDataType.UInt16 => little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b),
                NiftiDataType.Int32 => little ? BinaryPrimitives.ReadInt32LittleEndian(b) : BinaryPrimitives.ReadInt32BigEndian(b),
                NiftiDataType.UInt32 => little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b),
                NiftiDataType.Float32 => little ? BinaryPrimitives.ReadSingleLittleEndian(b) : BinaryPrimitives.ReadSingleBigEndian(b),
                _ => (float)(little ? BinaryPrimitives.ReadDoubleLittleEndian(b) : BinaryPrimitives.ReadDoubleBigEndian(b)),
            };
        }

        return values;
    }
}
