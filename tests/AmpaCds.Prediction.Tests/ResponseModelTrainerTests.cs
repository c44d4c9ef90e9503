using AmpaCds.Domain.Regions;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Training;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Prediction.Tests;

public class ResponseModelTrainerTests
{
    [Fact]
    public void Signal_cohort_gives_a_cross_validated_auc_well_above_chance()
    {
        var card = SharedModels.Default.Card;

        // About 0.78 on the default cohort since the features are centred (0.760 before); the bounds leave margin.
        Assert.True(card.CrossValidatedAuc > 0.70, $"AUC {card.CrossValidatedAuc:F3}");
        Assert.True(card.CrossValidatedMadrsChangeR2 > 0.2, $"R2 {card.CrossValidatedMadrsChangeR2:F3}");
    }

    [Fact]
    public void Both_candidates_are_reported_and_the_better_one_is_chosen()
    {
        var card = SharedModels.AutoOnDefaultCohort.Card;

        Assert.Equal(["fast-tree", "lbfgs-logistic-regression"], card.CandidateCrossValidatedAuc.Keys.Order());
        Assert.Equal(card.CandidateCrossValidatedAuc.Values.Max(), card.CrossValidatedAuc);
        Assert.Equal(card.CrossValidatedAuc, card.CandidateCrossValidatedAuc[card.Trainer]);
    }

    [Fact]
    public void Automatic_choice_on_the_default_cohort_is_the_default_model()
    {
        // DefaultModelRecipe names logistic regression rather than comparing trainers; this keeps that shortcut honest.
        Assert.Equal("lbfgs-logistic-regression", SharedModels.AutoOnDefaultCohort.Card.Trainer);
        Assert.Equal(SharedModels.Default.Version, SharedModels.AutoOnDefaultCohort.Version);
        var patient = SharedModels.PatientSuvr();
        Assert.Equal(SharedModels.Default.Predict(patient), SharedModels.AutoOnDefaultCohort.Predict(patient));
    }

    [Fact]
    public void Null_cohort_gives_a_cross_validated_auc_near_chance()
    {
        using var model = ResponseModelTrainer.Train(SharedModels.TrainingCohort(20260, nullSignal: true));

        // Measured 0.508 (chosen of 0.463 / 0.508) on this cohort, 0.46-0.56 on four other seeds.
        Assert.InRange(model.Card.CrossValidatedAuc, 0.38, 0.62);
        Assert.True(model.Card.CrossValidatedMadrsChangeR2 < 0.05, $"R2 {model.Card.CrossValidatedMadrsChangeR2:F3}");
    }

    [Fact]
    public void Same_seed_gives_the_same_model_and_identical_forecasts()
    {
        var cohort = SharedModels.TrainingCohort(5, nullSignal: false, n: 200);
        var options = new TrainingOptions { Seed = 3, Trainer = ResponseTrainerKind.FastTree };
        using var first = ResponseModelTrainer.Train(cohort, options);
        using var second = ResponseModelTrainer.Train(cohort, options);

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Card.CrossValidatedAuc, second.Card.CrossValidatedAuc);
        for (var i = 0; i < 5; i++)
        {
            var patient = SharedModels.PatientSuvr(i);
            Assert.Equal(first.Predict(patient), second.Predict(patient));
        }
    }

    [Fact]
    public void Training_uses_only_ketamine_treated_trd_patients()
    {
        var mixed = CohortRows.FromSubjects(CohortSimulator.Simulate(300, 8, new CohortOptions { TrdShare = 0.6, KetamineShareOfTrd = 0.5 }));
        using var model = ResponseModelTrainer.Train(mixed, new TrainingOptions { Trainer = ResponseTrainerKind.LogisticRegression });

        Assert.Equal(90, model.Card.CohortSize);
        Assert.Single(model.Card.CandidateCrossValidatedAuc);
    }

    [Fact]
    public void Model_card_describes_a_synthetic_exploratory_model()
    {
        var card = SharedModels.Default.Card;

        Assert.Matches(@"^k2-response-1\.0\.0\+[0-9a-f]{8}$", card.Version);
        Assert.Equal(64, card.TrainingDataHash.Length);
        Assert.Equal(DefaultModelRecipe.DefaultCohortSize, card.CohortSize);
        Assert.Equal("synthetic", card.Origin);
        Assert.True(card.TrainedOnSyntheticData);
        Assert.Equal("exploratory; trained on synthetic data; no published accuracy", card.IntendedUse);
        Assert.Equal(RegionIds.All.Select(r => "suvr_" + r), card.FeatureNames);
    }

    [Fact]
    public void Covariates_become_features_and_are_then_required()
    {
        var cohort = SharedModels.TrainingCohort(5, nullSignal: false, n: 200);
        using var model = ResponseModelTrainer.Train(cohort, new TrainingOptions { IncludeCovariates = true, Trainer = ResponseTrainerKind.LogisticRegression });

        Assert.Equal(["age", "baseline_madrs"], model.Card.FeatureNames.TakeLast(2));
        var forecast = model.Predict(SharedModels.PatientSuvr(), new PatientCovariates(40, 30));
        Assert.InRange(forecast.ResponseProbability, 0, 1);
    }

    [Fact]
    public void Too_few_patients_are_refused()
    {
        var tiny = SharedModels.TrainingCohort(5, nullSignal: false, n: 10);

        Assert.Throws<ArgumentException>(() => ResponseModelTrainer.Train(tiny));
    }
}
