namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>Seeded normal draws. System.Random with a seed gives the same sequence on every platform and runtime.</summary>
internal sealed class GaussianRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double NextUniform() => _random.NextDouble();

    /// <summary>Standard normal by the Box-Muller transform (one draw per call keeps the stream easy to reason about).</summary>
    public double NextStandardNormal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double NextNormal(double mean, double sd) => mean + sd * NextStandardNormal();

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
