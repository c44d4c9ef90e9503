namespace AmpaCds.Research.ModelEvaluation;

/// <summary>How trainers are compared. Defaults are the full-size settings; tests shrink the counts.</summary>
public sealed record ComparisonOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Outer folds (the estimate). Cohorts of at most <see cref="LeaveOneOutMaximumPatients"/> use leave-one-out.</summary>
    public int OuterFolds { get; init; } = 5;

    /// <summary>Inner folds (choosing the trainer and its regularisation within each outer training set).</summary>
    public int InnerFolds { get; init; } = 3;

    public int LeaveOneOutMaximumPatients { get; init; } = 60;

    /// <summary>L2 penalties of the logistic regressions (ML.NET scales L2 against the summed loss, so it grows with n).</summary>
    public IReadOnlyList<float> LogisticL2Grid { get; init; } = [1f, 10f, 50f];

    /// <summary>Adds GAM, FastTree and LightGbm as challengers of the logistic regressions.</summary>
    public bool IncludeTreeModels { get; init; } = true;

    /// <summary>Patient resamples for the metric confidence intervals (percentile bootstrap, 95%).</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Label permutations for the skill test; bounded because each one re-runs a cross-validation.</summary>
    public int Permutations { get; init; } = 99;

    public int PermutationFolds { get; init; } = 5;

    /// <summary>Significance level of the permutation test.</summary>
    public double Alpha { get; init; } = 0.05;
}
