using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Nifti;

/// <summary>
/// NIfTI stores world coordinates as RAS (+x Right, +y Anterior); this library uses DICOM LPS. The two differ by
/// negating x and y, so voxel-to-LPS = diag(-1, -1, 1) · voxel-to-RAS and back.
/// </summary>
internal static class NiftiOrientation
{
    private static readonly Affine RasToLps = Affine.Scaling(-1, -1, 1);

    public static Affine RasToLpsTransform(Affine voxelToRas) => RasToLps * voxelToRas;

    public static Affine LpsToRasTransform(Affine voxelToLps) => RasToLps * voxelToLps;

    /// <summary>Voxel-to-RAS from the quaternion fields (NIfTI-1 "method 2").</summary>
    public static Affine FromQuaternion(double b, double c, double d, Point3 offset, double dx, double dy, double dz, double qfac)
    {
        double a = Math.Sqrt(Math.Max(0, 1 - (b * b + c * c + d * d)));
        double[,] r =
        {
            { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
            { 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
            { 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b },
        };
        double sz = qfac < 0 ? -dz : dz;
        double[,] linear =
        {
            { r[0, 0] * dx, r[0, 1] * dy, r[0, 2] * sz },
            { r[1, 0] * dx, r[1, 1] * dy, r[1, 2] * sz },
            { r[2, 0] * dx, r[2, 1] * dy, r[2, 2] * sz },
        };
        return Affine.FromLinear(linear, offset);
    }

    /// <summary>
    /// Quaternion fields for a voxel-to-RAS transform whose linear part is a rotation times positive spacings
    /// (possibly with a flipped third axis); null when it has shears and only the sform can represent it.
    /// </summary>
    public static (double B, double C, double D, double Qfac)? ToQuaternion(Affine voxelToRas)
    {
        Point3 c0 = voxelToRas.LinearColumn(0), c1 = voxelToRas.LinearColumn(1), c2 = voxelToRas.LinearColumn(2);
        Point3 u0 = c0.Normalized(), u1 = c1.Normalized(), u2 = c2.Normalized();
        if (Math.Abs(u0.Dot(u1)) > 1e-4 || Math.Abs(u0.Dot(u2)) > 1e-4 || Math.Abs(u1.Dot(u2)) > 1e-4)
        {
            return null;
        }

        double qfac = u0.Cross(u1).Dot(u2) < 0 ? -1 : 1;
        u2 *= qfac;
        double r00 = u0.X, r01 = u1.X, r02 = u2.X, r10 = u0.Y, r11 = u1.Y, r12 = u2.Y, r20 = u0.Z, r21 = u1.Z, r22 = u2.Z;
        double trace = r00 + r11 + r22;
        double a, b, c, d;
        if (trace > 0)
        {
            double s = Math.Sqrt(trace + 1) * 2;
            (a, b, c, d) = (0.25 * s, (r21 - r12) / s, (r02 - r20) / s, (r10 - r01) / s);
        }
        else if (r00 > r11 && r00 > r22)
        {
            double s = Math.Sqrt(1 + r00 - r11 - r22) * 2;
            (a, b, c, d) = ((r21 - r12) / s, 0.25 * s, (r01 + r10) / s, (r02 + r20) / s);
        }
        else if (r11 > r22)
        {
            double s = Math.Sqrt(1 + r11 - r00 - r22) * 2;
            (a, b, c, d) = ((r02 - r20) / s, (r01 + r10) / s, 0.25 * s, (r12 + r21) / s);
        }
        else
        {
            double s = Math.Sqrt(1 + r22 - r00 - r11) * 2;
            (a, b, c, d) = ((r10 - r01) / s, (r02 + r20) / s, (r12 + r21) / s, 0.25 * s);
        }

        // NIfTI stores only b, c, d and assumes a ≥ 0; q and −q are the same rotation.
        return a < 0 ? (-b, -c, -d, qfac) : (b, c, d, qfac);
    }
}
