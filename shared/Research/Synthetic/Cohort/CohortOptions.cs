using AmpaCds.Domain.Clinical;
using AmpaCds.Research.Synthetic.Effects;

namespace AmpaCds.Research.Synthetic.Cohort;

/// <summary>Composition and generating model of a simulated cohort.</summary>
public sealed record CohortOptions
{
    /// <summary>Share of TRD patients; the rest are healthy controls. Default mirrors the study (34 TRD, 49 controls).</summary>
    public double TrdShare { get; init; } = 34.0 / 83.0;

    /// <summary>Share of TRD patients randomised to ketamine; the rest get placebo.</summary>
    public double KetamineShareOfTrd { get; init; } = 0.5;

    /// <summary>
    /// When true, baseline AMPA density (and baseline MADRS) carry no information about response: the improvement
    /// is drawn from an independent phantom patient, so its distribution is unchanged but unrelated to the subject.
    /// </summary>
    public bool NullSignal { get; init; }

    public EffectModel EffectModel { get; init; } = EffectModel.Default;

    public OutcomeCriteria Outcome { get; init; } = OutcomeCriteria.Default;

    /// <summary>Defaults: the study's group mix with ketamine and placebo arms.</summary>
    public static CohortOptions Default { get; } = new();

    /// <summary>Only TRD patients, all given ketamine: the population the response model is trained on.</summary>
    public static CohortOptions KetamineTraining { get; } = new() { TrdShare = 1, KetamineShareOfTrd = 1 };
}
