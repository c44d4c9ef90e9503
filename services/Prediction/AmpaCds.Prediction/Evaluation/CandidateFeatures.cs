namespace AmpaCds.Prediction.Evaluation;

/// <summary>Which columns a candidate learns from.</summary>
public enum CandidateFeatures
{
    /// <summary>Baseline regional SUVR (the model under test).</summary>
    Regional,

    /// <summary>Baseline MADRS, age and sex only: what a clinician knows without the PET scan.</summary>
    Clinical,
}
