using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Cohort;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds cohort simulate --n N --seed S --out FILE [--null] [--composition training|study] [--features measured|ideal] [--pvc none|gtm|rbv] [--followup]`:
/// a virtual cohort as CSV.
/// </summary>
public static class CohortCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--n") { Description = "Number of subjects", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same cohort", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "CSV file to write (schema: shared/Domain/Cohorts/COHORT_SCHEMA.md)", Required = true };
        var nullSignal = new Option<bool>("--null") { Description = "Null cohort: baseline AMPA carries no information about response" };
        var composition = new Option<string>("--composition")
        {
            Description = "training: TRD patients all given ketamine (what the model trains on); study: the study's mix of controls, ketamine and placebo",
            DefaultValueFactory = _ => "training",
        };
        composition.AcceptOnlyFromAmong("training", "study");
        var features = new Option<string>("--features")
        {
            Description = "measured: SUVR as the pipeline measures it (scanner PSF and resampling, what the shipped model trains on); " +
                "ideal: each region's own density against the whole brain",
            DefaultValueFactory = _ => "measured",
        };
        features.AcceptOnlyFromAmong("measured", "ideal");
        var pvc = PartialVolumeArguments.MethodOption();
        pvc.Description = "With --features measured: the partial-volume correction the pipeline will measure with (none: PSF-blurred SUVR; " +
            "gtm or rbv: the painted truth those corrections recover), so a model trained on the cohort matches studies measured that way";
        var followUp = new Option<bool>("--followup") { Description = "Also write the follow-up SUVR of treated patients (followup_suvr_<region> columns) for `cohort analyze`" };
        var simulate = new Command("simulate", "Writes a virtual cohort from the effect model (docs/SCIENCE.md) as CSV")
        {
            count, seed, output, nullSignal, composition, features, followUp, pvc,
        };
        simulate.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 1_000_000)
            {
                throw new CliFailure($"--n must be 1-1000000, not {n}", CliRunner.InputError);
            }

            var options = (parse.GetValue(composition) == "study" ? CohortOptions.Default : CohortOptions.KetamineTraining)
                with { NullSignal = parse.GetValue(nullSignal) };
            var suvr = FeatureModel(parse.GetValue(features)!, PartialVolumeArguments.ReadMethod(parse, pvc));
            var rows = CohortRows.FromSubjects(CohortSimulator.Simulate(n, parse.GetValue(seed), options), suvr, parse.GetValue(followUp));
            var path = parse.GetValue(output)!;
            CohortCsv.Write(path, rows);
            var treated = rows.Count(row => row.Arm == TreatmentArm.Ketamine);
            var responders = rows.Count(row => row.Responder == true && row.Arm == TreatmentArm.Ketamine);
            Console.Out.WriteLine(
                $"wrote {rows.Count} subjects ({treated} ketamine-treated, {responders} responders{(options.NullSignal ? ", null signal" : "")}) to {Path.GetFullPath(path)}");
            return Task.FromResult(0);
        }));
        return new Command("cohort", "Virtual cohorts for training and validating the response model")
        {
            simulate, CohortPetCommands.Render(), CohortPetCommands.Measure(), CohortAnalyzeCommand.Create(),
        };
    }

    private static IRegionalSuvrModel FeatureModel(string features, PartialVolumeMethod method)
    {
        if (features == "ideal")
        {
            return method == PartialVolumeMethod.None
                ? RegionVolumeFractions.Default
                : throw new CliFailure("--pvc applies to --features measured (ideal features have no partial-volume effect to correct)", CliRunner.InputError);
        }
        return MeasuredSuvrModels.For(method);
    }
}
