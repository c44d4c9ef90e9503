namespace AmpaCds.Imaging.Geometry;

/// <summary>3x3 rotation helpers shared by the rigid constructors and the registration.</summary>
public static class RotationMatrix
{
    /// <summary>R = Rz * Ry * Rx, angles in degrees, right-handed about the world axes.</summary>
    public static double[,] FromEulerDegrees(double rxDegrees, double ryDegrees, double rzDegrees)
    {
        double rx = rxDegrees * Math.PI / 180, ry = ryDegrees * Math.PI / 180, rz = rzDegrees * Math.PI / 180;
        double cx = Math.Cos(rx), sx = Math.Sin(rx);
        double cy = Math.Cos(ry), sy = Math.Sin(ry);
        double cz = Math.Cos(rz), sz = Math.Sin(rz);
        return new double[3, 3]
        {
            { cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx },
            { sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx },
            { -sy, cy * sx, cy * cx },
        };
    }

    /// <summary>Rotation by |w| radians about the axis w (Rodrigues' formula).</summary>
    public static double[,] FromRotationVector(Point3 w)
    {
        double angle = w.Length;
        if (angle < 1e-15)
        {
            return new double[3, 3] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        }

        Point3 k = w / angle;
        double c = Math.Cos(angle), s = Math.Sin(angle), v = 1 - c;
        return new double[3, 3]
        {
            { c + k.X * k.X * v, k.X * k.Y * v - k.Z * s, k.X * k.Z * v + k.Y * s },
            { k.Y * k.X * v + k.Z * s, c + k.Y * k.Y * v, k.Y * k.Z * v - k.X * s },
            { k.Z * k.X * v - k.Y * s, k.Z * k.Y * v + k.X * s, c + k.Z * k.Z * v },
        };
    }

    /// <summary>
    /// Angle in degrees of the rotation closest to the linear part of <paramref name="transform"/>,
    /// read from its antisymmetric part; exact for pure rotations, a good approximation for near-rigid affines.
    /// </summary>
    public static double AngleDegrees(Affine transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        double trace = transform[0, 0] + transform[1, 1] + transform[2, 2];
        double sx = transform[2, 1] - transform[1, 2];
        double sy = transform[0, 2] - transform[2, 0];
        double sz = transform[1, 0] - transform[0, 1];
        double sine2 = Math.Sqrt(sx * sx + sy * sy + sz * sz);
        return Math.Atan2(sine2, trace - 1) * 180 / Math.PI;
    }
}
