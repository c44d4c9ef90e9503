namespace AmpaCds.Imaging.Registration;

/// <summary>Dense solver for the small (≤ 14 unknowns) normal equations of the registration.</summary>
internal static class LinearSolver
{
    /// <summary>Solves a·x = b by Gaussian elimination with partial pivoting; returns false when a is singular.</summary>
    public static bool TrySolve(double[,] a, double[] b, out double[] x)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(m[pivot, col]) < 1e-300 || !double.IsFinite(m[pivot, col]))
            {
                return false;
            }

            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (int row = col + 1; row < n; row++)
            {
                double factor = m[row, col] / m[col, col];
                for (int k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                x[row] -= factor * x[col];
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double sum = x[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }

            x[row] = sum / m[row, row];
        }

        return x.All(double.IsFinite);
    }
}
