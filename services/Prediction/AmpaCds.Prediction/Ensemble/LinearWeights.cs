namespace AmpaCds.Prediction.Ensemble;

/// <summary>A linear score over standardised features: Bias + Σ Weights[i]·z[i].</summary>
public sealed record LinearWeights(float[] Weights, float Bias)
{
    public double Score(ReadOnlySpan<double> standardised)
    {
        double score = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            score += Weights[i] * standardised[i];
        }

        return score;
    }
}
