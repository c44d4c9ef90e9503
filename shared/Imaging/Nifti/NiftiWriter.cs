using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Nifti;

/// <summary>
/// Writes little-endian single-file NIfTI-1: float32 images or uint8 label maps. Both sform and (when the
/// transform has no shear) qform are set, code 1 (scanner anatomical), so ITK-based tools and FSL agree.
/// </summary>
public static class NiftiWriter
{
    private const int DataOffset = 352;

    /// <summary>Writes <paramref name="volume"/> as float32; gzip-compressed when the path ends in ".gz".</summary>
    public static void Write(Volume volume, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, Encode(volume, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)));
    }

    public static byte[] Encode(Volume volume, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(volume);
        byte[] bytes = Header(volume.Geometry, NiftiDataType.Float32, 4);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(volume.Data.AsSpan()).CopyTo(bytes.AsSpan(DataOffset));
        }
        else
        {
            for (int i = 0; i < volume.Data.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(DataOffset + 4 * i), volume.Data[i]);
            }
        }

        return gzip ? Gzip(bytes) : bytes;
    }

    /// <summary>A label map (e.g. <see cref="BrainAtlas.Labels"/>) as uint8.</summary>
    public static byte[] EncodeLabels(VolumeGeometry geometry, byte[] labels, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != geometry.VoxelCount)
        {
            throw new ArgumentException("Label count does not match the grid.", nameof(labels));
        }

        byte[] bytes = Header(geometry, NiftiDataType.UInt8, 1);
        labels.CopyTo(bytes, DataOffset);
        return gzip ? Gzip(bytes) : bytes;
    }

    private static byte[] Header(VolumeGeometry geometry, NiftiDataType type, int bytesPerValue)
    {
        if (geometry.Nx > short.MaxValue || geometry.Ny > short.MaxValue || geometry.Nz > short.MaxValue)
        {
            throw new ArgumentException("NIfTI-1 dimensions are limited to 32767 voxels per axis.", nameof(geometry));
        }

        var bytes = new byte[DataOffset + (long)geometry.VoxelCount * bytesPerValue];
        Span<byte> h = bytes;
        Affine ras = NiftiOrientation.LpsToRasTransform(geometry.VoxelToWorld);
        Point3 spacing = geometry.Spacing;
        (double B, double C, double D, double Qfac)? quaternion = NiftiOrientation.ToQuaternion(ras);

        BinaryPrimitives.WriteInt32LittleEndian(h, 348);
        short[] dims = [3, (short)geometry.Nx, (short)geometry.Ny, (short)geometry.Nz, 1, 1, 1, 1];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h[(40 + 2 * i)..], dims[i]);
        }

        BinaryPrimitives.WriteInt16LittleEndian(h[70..], (short)type);
        BinaryPrimitives.WriteInt16LittleEndian(h[72..], (short)(8 * bytesPerValue));
        float[] pixdim = [(float)(quaternion?.Qfac ?? 1), (float)spacing.X, (float)spacing.Y, (float)spacing.Z, 1, 1, 1, 1];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(h[(76 + 4 * i)..], pixdim[i]);
        }

        BinaryPrimitives.WriteSingleLittleEndian(h[108..], DataOffset);
        BinaryPrimitives.WriteSingleLittleEndian(h[112..], 1f);
        h[123] = 2; // xyzt_units: millimetres
        Encoding.ASCII.GetBytes("AmpaCds.Imaging").CopyTo(h[148..]);
        if (quaternion is { } q)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h[252..], 1);
            float[] quatern = [(float)q.B, (float)q.C, (float)q.D, (float)ras[0, 3], (float)ras[1, 3], (float)ras[2, 3]];
            for (int i = 0; i < 6; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(h[(256 + 4 * i)..], quatern[i]);
            }
        }

        BinaryPrimitives.WriteInt16LittleEndian(h[254..], 1);
        for (int row = 0; row < 3; row++)
        {
            for (int col = 0; col < 4; col++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(h[(280 + 16 * row + 4 * col)..], (float)ras[row, col]);
            }
        }

        Encoding.ASCII.GetBytes("n+1\0").CopyTo(h[344..]);
        return bytes;
    }

    /// <summary>
    /// Fastest level with the run-length strategy (matches only at distance 1): on template-space float maps it was about a
    /// quarter faster than the default strategy and the files were about a tenth smaller; it is plain deflate, so any gzip reads it.
    /// </summary>
    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        var options = new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = ZLibCompressionStrategy.RunLengthEncoding };
        using (var zip = new GZipStream(output, options))
        {
            zip.Write(bytes);
        }

        return output.ToArray();
    }
}
