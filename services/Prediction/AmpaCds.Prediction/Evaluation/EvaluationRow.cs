namespace AmpaCds.Prediction.Evaluation;

/// <summary>One TRD ketamine-arm patient as the comparison sees it: regional SUVR, clinical covariates and the outcome.</summary>
/// <param name="Regional">Baseline SUVR per region, in the layout's order.</param>
/// <param name="Clinical">Baseline MADRS, age and sex (1 = female): the clinical-only baseline's features.</param>
internal sealed record EvaluationRow(float[] Regional, float[] Clinical, bool Responder, float MadrsChangePercent);
