using System.Globalization;
using System.Text;

namespace AmpaCds.Imaging.Geometry;

/// <summary>
/// Immutable 4x4 homogeneous affine transform (last row is always 0 0 0 1), row-major.
/// Points are column vectors: <c>a.Multiply(b)</c> applies <c>b</c> first, then <c>a</c>.
/// </summary>
public sealed class Affine
{
    private readonly double[] _m;

    private Affine(double[] rowMajor12Or16)
    {
        _m = rowMajor12Or16;
    }

    public static Affine Identity { get; } = FromRowMajor([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

    /// <summary>Element at (row, column), both 0..3.</summary>
    public double this[int row, int column] => _m[row * 4 + column];

    /// <summary>Creates a transform from 16 row-major values; the last row must be 0 0 0 1.</summary>
    public static Affine FromRowMajor(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != 16)
        {
            throw new ArgumentException("An affine needs exactly 16 row-major values.", nameof(values));
        }

        var m = new double[16];
        for (int i = 0; i < 16; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException("Affine values must be finite.", nameof(values));
            }

            m[i] = values[i];
        }

        const double tolerance = 1e-9;
        if (Math.Abs(m[12]) > tolerance || Math.Abs(m[13]) > tolerance || Math.Abs(m[14]) > tolerance || Math.Abs(m[15] - 1) > tolerance)
        {
            throw new ArgumentException("The last row of an affine must be 0 0 0 1.", nameof(values));
        }

        m[12] = 0;
        m[13] = 0;
        m[14] = 0;
        m[15] = 1;
        return new Affine(m);
    }

    /// <summary>Builds x' = columnX*x + columnY*y + columnZ*z + origin (the usual voxel-to-world layout).</summary>
    public static Affine FromColumns(Point3 columnX, Point3 columnY, Point3 columnZ, Point3 origin) => FromRowMajor(
    [
        columnX.X, columnY.X, columnZ.X, origin.X,
        columnX.Y, columnY.Y, columnZ.Y, origin.Y,
        columnX.Z, columnY.Z, columnZ.Z, origin.Z,
        0, 0, 0, 1,
    ]);

    public static Affine Translation(Point3 offset) => FromColumns(new(1, 0, 0), new(0, 1, 0), new(0, 0, 1), offset);

    public static Affine Scaling(double sx, double sy, double sz) => FromColumns(new(sx, 0, 0), new(0, sy, 0), new(0, 0, sz), Point3.Zero);

    /// <summary>
    /// Rigid transform p' = R (p - centre) + centre + t with R = Rz * Ry * Rx (rotate about x first),
    /// angles in degrees, right-handed about the world axes.
    /// </summary>
    public static Affine FromRigid(double tx, double ty, double tz, double rxDegrees, double ryDegrees, double rzDegrees, Point3 centre)
    {
        double[,] r = RotationMatrix.FromEulerDegrees(rxDegrees, ryDegrees, rzDegrees);
        var t = new Point3(tx, ty, tz);
        var origin = new Point3(
            centre.X + t.X - (r[0, 0] * centre.X + r[0, 1] * centre.Y + r[0, 2] * centre.Z),
            centre.Y + t.Y - (r[1, 0] * centre.X + r[1, 1] * centre.Y + r[1, 2] * centre.Z),
            centre.Z + t.Z - (r[2, 0] * centre.X + r[2, 1] * centre.Y + r[2, 2] * centre.Z));
        return FromLinear(r, origin);
    }

    /// <summary>Builds the transform from a 3x3 linear part and a translation.</summary>
    public static Affine FromLinear(double[,] linear, Point3 translation)
    {
        ArgumentNullException.ThrowIfNull(linear);
        return FromRowMajor(
        [
            linear[0, 0], linear[0, 1], linear[0, 2], translation.X,
            linear[1, 0], linear[1, 1], linear[1, 2], translation.Y,
            linear[2, 0], linear[2, 1], linear[2, 2], translation.Z,
            0, 0, 0, 1,
        ]);
    }

    /// <summary>Composition this ∘ other: the result applies <paramref name="other"/> first.</summary>
    public Affine Multiply(Affine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var r = new double[16];
        for (int row = 0; row < 4; row++)
        {
            for (int col = 0; col < 4; col++)
            {
                double sum = 0;
                for (int k = 0; k < 4; k++)
                {
                    sum += _m[row * 4 + k] * other._m[k * 4 + col];
                }

                r[row * 4 + col] = sum;
            }
        }

        return new Affine(r);
    }

    public static Affine operator *(Affine a, Affine b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Multiply(b);
    }

    public Affine Inverse()
    {
        double det = Determinant;
        if (Math.Abs(det) < 1e-300 || !double.IsFinite(det))
        {
            throw new InvalidOperationException("The affine is singular and has no inverse.");
        }

        double a = _m[0], b = _m[1], c = _m[2], d = _m[4], e = _m[5], f = _m[6], g = _m[8], h = _m[9], i = _m[10];
        var inv = new double[3, 3]
        {
            { (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det },
            { (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det },
            { (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det },
        };
        var t = new Point3(_m[3], _m[7], _m[11]);
        var invT = new Point3(
            -(inv[0, 0] * t.X + inv[0, 1] * t.Y + inv[0, 2] * t.Z),
            -(inv[1, 0] * t.X + inv[1, 1] * t.Y + inv[1, 2] * t.Z),
            -(inv[2, 0] * t.X + inv[2, 1] * t.Y + inv[2, 2] * t.Z));
        return FromLinear(inv, invT);
    }

    /// <summary>Determinant of the 3x3 linear part (voxel volume for a voxel-to-world transform).</summary>
    public double Determinant =>
        _m[0] * (_m[5] * _m[10] - _m[6] * _m[9])
        - _m[1] * (_m[4] * _m[10] - _m[6] * _m[8])
        + _m[2] * (_m[4] * _m[9] - _m[5] * _m[8]);

    public Point3 Translation3 => new(_m[3], _m[7], _m[11]);

    /// <summary>Image of column <paramref name="column"/> (0..2) of the linear part, e.g. the world step of one voxel along that axis.</summary>
    public Point3 LinearColumn(int column) => new(_m[column], _m[4 + column], _m[8 + column]);

    public double[,] Linear() => new double[3, 3]
    {
        { _m[0], _m[1], _m[2] },
        { _m[4], _m[5], _m[6] },
        { _m[8], _m[9], _m[10] },
    };

    public Point3 Apply(Point3 p) => new(
        _m[0] * p.X + _m[1] * p.Y + _m[2] * p.Z + _m[3],
        _m[4] * p.X + _m[5] * p.Y + _m[6] * p.Z + _m[7],
        _m[8] * p.X + _m[9] * p.Y + _m[10] * p.Z + _m[11]);

    /// <summary>Applies only the linear part (directions and displacements are not translated).</summary>
    public Point3 ApplyVector(Point3 v) => new(
        _m[0] * v.X + _m[1] * v.Y + _m[2] * v.Z,
        _m[4] * v.X + _m[5] * v.Y + _m[6] * v.Z,
        _m[8] * v.X + _m[9] * v.Y + _m[10] * v.Z);

    /// <summary>Row-major copy of all 16 elements.</summary>
    public double[] ToArray() => (double[])_m.Clone();

    public bool ApproximatelyEquals(Affine other, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < 16; i++)
        {
            if (Math.Abs(_m[i] - other._m[i]) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (int row = 0; row < 4; row++)
        {
            sb.Append(row == 0 ? "[" : ", [");
            for (int col = 0; col < 4; col++)
            {
                if (col > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(_m[row * 4 + col].ToString("G8", CultureInfo.InvariantCulture));
            }

            sb.Append(']');
        }

        return sb.Append(']').ToString();
    }
}
