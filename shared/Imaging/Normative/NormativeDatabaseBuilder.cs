using AmpaCds.Imaging.Atlas;

namespace AmpaCds.Imaging.Normative;

/// <summary>Per-region control statistics of SUVR: mean and SD, optionally a linear age fit, pooled variance when controls are few.</summary>
public static class NormativeDatabaseBuilder
{
    public static NormativeDatabase Build(IReadOnlyList<NormativeControl> controls, NormativeBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(options);
        var minimum = options.AgeAdjust ? 3 : 2;
        if (controls.Count < minimum)
        {
            throw new NormativeDataException($"{controls.Count} control(s): at least {minimum} are needed{(options.AgeAdjust ? " for an age-adjusted database" : "")}");
        }
        if (options.AgeAdjust && controls.FirstOrDefault(control => control.Age is null) is { } ageless)
        {
            throw new NormativeDataException($"control '{ageless.Id}' has no age; an age-adjusted database needs every control's age");
        }

        var names = controls[0].Suvr.Keys.Where(name => name != BrainAtlas.WholeBrainName || options.ReferenceRegion != BrainAtlas.WholeBrainName).ToList();
        var fits = new List<(string Name, RegionFit Fit)>();
        foreach (var name in names)
        {
            var samples = controls
                .Select(control => (Age: control.Age ?? 0, Value: control.Suvr.TryGetValue(name, out var v) ? v : double.NaN))
                .Where(sample => double.IsFinite(sample.Value))
                .ToList();
            if (samples.Count < minimum)
            {
                throw new NormativeDataException($"region '{name}' has a value in only {samples.Count} control(s)");
            }
            fits.Add((name, RegionFit.Of(samples, options.AgeAdjust)));
        }

        var pooledRelativeVariance = PooledRelativeVariance(fits.Select(pair => pair.Fit));
        var regions = fits.Select(pair =>
        {
            var pooled = pair.Fit.N < options.MinimumControlsForRegionalSd;
            var sd = pooled ? Math.Abs(pair.Fit.Mean) * Math.Sqrt(pooledRelativeVariance) : pair.Fit.Sd;
            return new NormativeRegion(pair.Name, pair.Fit.Mean, sd, pair.Fit.N, pair.Fit.Slope, pair.Fit.ReferenceAge, pair.Fit.Sd, pooled);
        }).ToList();

        return new NormativeDatabase(options.Version, options.Description, NormativeDatabase.SuvrMeasure, options.ReferenceRegion,
            options.AtlasVersion, options.Synthetic, options.AgeAdjust, controls.Count, options.BuiltAt, regions);
    }

    /// <summary>
    /// Regions differ in level but share the scanner's and the biology's relative variability, so the
    /// coefficient of variation is what is pooled, each region weighted by its degrees of freedom.
    /// The reference region itself (SUVR ≡ 1, SD 0) carries no information and is left out.
    /// </summary>
    private static double PooledRelativeVariance(IEnumerable<RegionFit> fits)
    {
        double weighted = 0, degrees = 0;
        foreach (var fit in fits.Where(fit => fit.Sd > 0 && fit.Mean != 0))
        {
            weighted += fit.DegreesOfFreedom * Math.Pow(fit.Sd / fit.Mean, 2);
            degrees += fit.DegreesOfFreedom;
        }
        return degrees > 0 ? weighted / degrees : 0;
    }

    private sealed record RegionFit(double Mean, double Sd, int N, double Slope, double ReferenceAge, int DegreesOfFreedom)
    {
        public static RegionFit Of(IReadOnlyList<(double Age, double Value)> samples, bool ageAdjust)
        {
            var n = samples.Count;
            var meanValue = samples.Average(sample => sample.Value);
            var meanAge = samples.Average(sample => sample.Age);
            double slope = 0;
            if (ageAdjust)
            {
                var sxx = samples.Sum(sample => Math.Pow(sample.Age - meanAge, 2));
                var sxy = samples.Sum(sample => (sample.Age - meanAge) * (sample.Value - meanValue));
                if (sxx <= 0)
                {
                    throw new NormativeDataException("all controls have the same age: an age slope cannot be fitted");
                }
                slope = sxy / sxx;
            }
            // Residual variance around the line (or the mean), with the fitted parameters' degrees of freedom removed.
            var dof = n - (ageAdjust ? 2 : 1);
            var residual = samples.Sum(sample => Math.Pow(sample.Value - meanValue - slope * (sample.Age - meanAge), 2));
            return new RegionFit(meanValue, Math.Sqrt(residual / dof), n, slope, ageAdjust ? meanAge : 0, dof);
        }
    }
}
