namespace AmpaCds.Prediction.Evaluation;

/// <summary>
/// The one-variable logistic fit outcome ~ sigmoid(Intercept + Slope·x). Used for the calibration slope (x = logit of
/// a forecast) and for Platt scaling (x = a model's raw logit). Newton-Raphson with a tiny ridge so that separable
/// data stays finite.
/// </summary>
public sealed record LogisticRecalibration(double Intercept, double Slope)
{
    private const int MaximumIterations = 50;
    private const double Ridge = 1e-6;

    public double Apply(double x) => BinaryMetrics.Sigmoid(Intercept + Slope * x);

    public static LogisticRecalibration Fit(IReadOnlyList<double> x, IReadOnlyList<bool> outcomes)
    {
        if (!outcomes.Contains(true) || !outcomes.Contains(false))
        {
            return new LogisticRecalibration(double.NaN, double.NaN);
        }

        double a = 0, b = 0;
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = Ridge, hab = 0, hbb = Ridge;
            for (var i = 0; i < x.Count; i++)
            {
                var p = BinaryMetrics.Sigmoid(a + b * x[i]);
                var residual = (outcomes[i] ? 1 : 0) - p;
                var weight = p * (1 - p);
                ga += residual;
                gb += residual * x[i];
                haa += weight;
                hab += weight * x[i];
                hbb += weight * x[i] * x[i];
            }

            var determinant = haa * hbb - hab * hab;
            var stepA = (hbb * ga - hab * gb) / determinant;
            var stepB = (haa * gb - hab * ga) / determinant;
            a += stepA;
            b += stepB;
            if (Math.Abs(stepA) + Math.Abs(stepB) < 1e-9)
            {
                break;
            }
        }

        return new LogisticRecalibration(a, b);
    }
}
