namespace AmpaCds.Prediction.Ensemble;

/// <summary>One bootstrap refit: the classifier's raw logit weights and the % MADRS change regressor.</summary>
public sealed record EnsembleMember(LinearWeights Classifier, LinearWeights Regressor);
