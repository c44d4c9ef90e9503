using MathNet.Numerics.LinearAlgebra;

namespace AmpaCds.Research.Analytics.Statistics;

/// <summary>Ordinary least squares with an intercept, as statsmodels' OLS(y, add_constant(X)).fit() reports it.</summary>
public static class LinearModel
{
    /// <summary>
    /// Fits y = b0 + Σ bj·xj by QR and returns the test of every coefficient (index 0 is the intercept):
    /// SE from σ²(XᵀX)⁻¹, σ² = RSS/(n − p), t = b/SE on n − p df.
    /// </summary>
    /// <param name="predictors">One row per observation, the same number of predictors in each (no intercept column).</param>
    public static IReadOnlyList<CoefficientTest> Fit(IReadOnlyList<IReadOnlyList<double>> predictors, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Count;
        var columns = (predictors.Count > 0 ? predictors[0].Count : 0) + 1;
        if (predictors.Count != n || n <= columns)
        {
            throw new ArgumentException($"A linear model with {columns} coefficients needs more than {columns} observations, not {n}.");
        }

        var x = Matrix<double>.Build.Dense(n, columns, (i, j) => j == 0 ? 1.0 : predictors[i][j - 1]);
        var target = Vector<double>.Build.DenseOfEnumerable(y);
        var beta = x.QR().Solve(target);
        var residual = target - x * beta;
        var df = n - columns;
        var sigma2 = residual.DotProduct(residual) / df;
        var covariance = x.TransposeThisAndMultiply(x).Inverse() * sigma2;
        return Enumerable.Range(0, columns).Select(j =>
        {
            var se = Math.Sqrt(covariance[j, j]);
            var t = beta[j] / se;
            return new CoefficientTest(beta[j], se, t, df, StudentT.TwoSidedP(t, df));
        }).ToList();
    }
}
