using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Dicom;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Cohort;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `cohort render` scans a virtual cohort into PET studies; `cohort measure` runs them through the
/// quantification pipeline, so the model can be trained on features the pipeline produced
/// (partial volume, noise, registration) rather than on the effect model's ideal SUVR.
/// </summary>
public static class CohortPetCommands
{
    public const string TruthCsv = "cohort-truth.csv";

    /// <summary>Folder under the cohort folder for `measure --maps`: one template-space SUVR map per subject, &lt;subject_id&gt;.nii.gz.</summary>
    public const string MapsFolder = "maps";

    public static Command Render()
    {
        var count = new Option<int>("--n") { Description = "Number of patients (TRD, ketamine arm)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the cohort and of every scan", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder: studies/<subject>/ and cohort-truth.csv", Required = true };
        var nullSignal = new Option<bool>("--null") { Description = "Null cohort: baseline AMPA carries no information about response" };
        var composition = new Option<string>("--composition")
        {
            Description = "training: TRD patients all given ketamine; study: the study's mix of controls, ketamine and placebo (voxel-wise analysis)",
            DefaultValueFactory = _ => "training",
        };
        composition.AcceptOnlyFromAmong("training", "study");
        var command = new Command("render", "Simulates a cohort and writes each subject's baseline as a PET DICOM study") { count, seed, output, nullSignal, composition };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000)
            {
                throw new CliFailure($"--n must be 1-10000, not {n}", CliRunner.InputError);
            }
            var folder = parse.GetValue(output)!;
            var cohortOptions = parse.GetValue(composition) == "study" ? CohortOptions.Default : CohortOptions.KetamineTraining;
            var subjects = CohortSimulator.Simulate(n, parse.GetValue(seed), cohortOptions with { NullSignal = parse.GetValue(nullSignal) });
            for (var index = 0; index < subjects.Count; index++)
            {
                // A distinct, reproducible scan per patient: head position and noise differ, as in a real cohort.
                var options = new PetAcquisitionOptions { Seed = parse.GetValue(seed) * 100_003 + index, PatientId = subjects[index].Id };
                PetStudySimulator.Simulate(options, Path.Combine(folder, "studies", subjects[index].Id), subjects[index]);
            }
            // The truth file carries the SUVR a perfect pipeline would measure; `cohort measure` writes what ours did.
            CohortCsv.Write(Path.Combine(folder, TruthCsv), CohortRows.FromSubjects(subjects, PartialVolumeSuvrModel.Default));
            Console.Out.WriteLine($"rendered {subjects.Count} studies and {TruthCsv} in {Path.GetFullPath(folder)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command Measure()
    {
        var folder = new Option<string>("--cohort-dir") { Description = "Folder written by `cohort render`", Required = true };
        var output = new Option<string>("--out") { Description = "Cohort CSV with the pipeline's SUVR as features", Required = true };
        var maps = new Option<bool>("--maps") { Description = $"Also write each subject's template-space SUVR map to {MapsFolder}/<subject_id>.nii.gz (for `cohort analyze --maps`)" };
        var command = new Command("measure", "Quantifies every rendered study and writes a cohort CSV of measured features") { folder, output, maps };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var root = parse.GetValue(folder)!;
            var truthPath = Path.Combine(root, TruthCsv);
            if (!File.Exists(truthPath))
            {
                throw new CliFailure($"{truthPath} not found: run `ampacds cohort render` first", CliRunner.InputError);
            }
            var options = new QuantificationOptions();
            var quantifier = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options, ActiveNormativeDatabase.Load(null));
            var measured = CohortCsv.Read(truthPath).Select(row =>
            {
                var datasets = SeriesFolder.Read(Path.Combine(root, "studies", row.SubjectId)).Select(file => file.File.Dataset).ToList();
                var result = quantifier.Quantify(PetSeriesLoader.Load(datasets));
                if (parse.GetValue(maps))
                {
                    Directory.CreateDirectory(Path.Combine(root, MapsFolder));
                    NiftiWriter.Write(result.Maps.Suvr, Path.Combine(root, MapsFolder, row.SubjectId + ".nii.gz"));
                }
                return row with { BaselineSuvr = result.Regions.ToDictionary(region => region.Name, region => region.Suvr) };
            }).ToList();
            CohortCsv.Write(parse.GetValue(output)!, measured);
            Console.Out.WriteLine($"measured {measured.Count} studies into {Path.GetFullPath(parse.GetValue(output)!)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
