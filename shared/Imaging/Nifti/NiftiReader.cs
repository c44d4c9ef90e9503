using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Nifti;

/// <summary>
/// Reads single-file NIfTI-1 images (.nii, or .nii.gz detected by its gzip signature), either byte order.
/// The voxel-to-world transform comes from the sform if set, else the qform, else the voxel sizes alone;
/// it is converted from NIfTI's RAS to this library's LPS. Values are scaled by scl_slope / scl_inter.
/// </summary>
public static class NiftiReader
{
    private const int HeaderSize = 348;

    public static Volume Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a 3-D image; a 4-D file with more than one frame is rejected (use <see cref="ReadFrames(byte[])"/>).</summary>
    public static Volume Read(byte[] bytes)
    {
        IReadOnlyList<Volume> frames = ReadFrames(bytes);
        return frames.Count == 1 ? frames[0] : throw new NiftiFormatException($"The image has {frames.Count} frames; expected one 3-D volume.");
    }

    public static IReadOnlyList<Volume> ReadFrames(string path) => ReadFrames(File.ReadAllBytes(path));

    public static IReadOnlyList<Volume> ReadFrames(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        byte[] raw = IsGzip(bytes) ? Gunzip(bytes) : bytes;
        if (raw.Length < HeaderSize + 4)
        {
            throw new NiftiFormatException("Too short for a NIfTI-1 header.");
        }

        bool little = BinaryPrimitives.ReadInt32LittleEndian(raw) == HeaderSize;
        if (!little && BinaryPrimitives.ReadInt32BigEndian(raw) != HeaderSize)
        {
            throw new NiftiFormatException("sizeof_hdr is not 348: not a NIfTI-1 file.");
        }

        var h = new HeaderView(raw, little);
        string magic = Encoding.ASCII.GetString(raw, 344, 3);
        if (magic != "n+1")
        {
            throw new NiftiFormatException(magic == "ni1" ? "Two-file (.hdr/.img) NIfTI is not supported." : $"Unknown NIfTI magic '{magic}'.");
        }

        int rank = h.Short(40);
        if (rank is < 1 or > 7)
        {
            throw new NiftiFormatException($"dim[0] = {rank} is not a valid number of dimensions.");
        }

        int Dim(int axis) => axis <= rank ? h.Short(40 + 2 * axis) : 1;
        int nx = Dim(1), ny = Dim(2), nz = Dim(3), nt = Dim(4);
        if (nx < 1 || ny < 1 || nz < 1 || nt < 1 || Dim(5) != 1 || Dim(6) != 1 || Dim(7) != 1)
        {
            throw new NiftiFormatException("Only 3-D images or 4-D time series with positive sizes are supported.");
        }

        var type = (NiftiDataType)h.Short(70);
        int bytesPerValue = NiftiValues.Size(type);
        long offset = (long)h.Float(108);
        long voxels = (long)nx * ny * nz;
        if (offset < HeaderSize || offset + voxels * nt * bytesPerValue > raw.Length)
        {
            throw new NiftiFormatException("The file is shorter than its header says.");
        }

        float slope = h.Float(112), intercept = h.Float(116);
        if (slope == 0 || !float.IsFinite(slope))
        {
            (slope, intercept) = (1, 0);
        }

        var geometry = new VolumeGeometry(nx, ny, nz, NiftiOrientation.RasToLpsTransform(VoxelToRas(h)));
        var frames = new Volume[nt];
        for (int t = 0; t < nt; t++)
        {
            float[] data = NiftiValues.Decode(raw, (int)(offset + t * voxels * bytesPerValue), (int)voxels, type, little);
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = data[i] * slope + (float.IsFinite(intercept) ? intercept : 0);
            }

            frames[t] = new Volume(geometry, data);
        }

        return frames;
    }

    private static Affine VoxelToRas(HeaderView h)
    {
        if (h.Short(254) > 0)
        {
            var m = new double[16];
            for (int i = 0; i < 12; i++)
            {
                m[i] = h.Float(280 + 4 * i);
            }

            m[15] = 1;
            return Affine.FromRowMajor(m);
        }

        double qfac = h.Float(76) < 0 ? -1 : 1;
        double dx = h.Float(80), dy = h.Float(84), dz = h.Float(88);
        if (h.Short(252) > 0)
        {
            return NiftiOrientation.FromQuaternion(
                h.Float(256), h.Float(260), h.Float(264), new Point3(h.Float(268), h.Float(272), h.Float(276)), dx, dy, dz, qfac);
        }

        // Neither transform is set (Analyze-style): voxel sizes only, as the NIfTI standard's "method 1".
        return Affine.Scaling(dx > 0 ? dx : 1, dy > 0 ? dy : 1, dz > 0 ? dz : 1);
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Typed access to header fields in the file's byte order.</summary>
    private readonly struct HeaderView(byte[] raw, bool little)
    {
        public short Short(int at) => little ? BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(at)) : BinaryPrimitives.ReadInt16BigEndian(raw.AsSpan(at));

        public float Float(int at) => little ? BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(at)) : BinaryPrimitives.ReadSingleBigEndian(raw.AsSpan(at));
    }
}
