using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Domain;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Registry;
using AmpaCds.Prediction.Training;
using AmpaCds.Research.ModelEvaluation;
using AmpaCds.Research.Simulation;
using AmpaCds.Research.Synthetic.Regions;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds model train|list|activate|retrain`: compares the trainers by nested cross-validation and trains a model
/// from a cohort (offline, into a registry folder); lists, activates and retrains the running Prediction service's
/// models through its gRPC API (<see cref="ModelServerCommands"/>), or lists and activates in an offline registry folder.
/// </summary>
public static class ModelCommand
{
    public static Command Create(TimeProvider clock) =>
        new("model", "Train, compare and activate response models") { Train(), List(clock), Activate(clock), ModelRetrainCommand.Create(clock) };

    private static Command Train()
    {
        var cohort = new Option<string>("--cohort") { Description = "Cohort CSV (shared/Domain/Cohorts/COHORT_SCHEMA.md)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the comparison and the model card as JSON on stdout" };
        var registry = new Option<string?>("--registry")
        {
            Description = "Register the trained model in this offline registry folder (the running service's models are in its database)",
        };
        var activate = new Option<bool>("--activate") { Description = "Make the new version the active one (needs --registry)" };
        var seed = new Option<int>("--seed") { Description = "Seed of folds, bootstrap and trainers", DefaultValueFactory = _ => 1 };
        var permutations = new Option<int>("--permutations") { Description = "Label permutations of the skill test", DefaultValueFactory = _ => 99 };
        var origin = new Option<string>("--origin") { Description = "Data origin for the model card: synthetic, or a label for real data", DefaultValueFactory = _ => ModelCard.SyntheticOrigin };
        var featureSource = new Option<string?>("--feature-source")
        {
            Description = "How the cohort's SUVR were obtained, for the model card: measured or ideal (as `cohort simulate --features`), or free text",
        };
        var provenance = new Option<string?>("--provenance") { Description = "How the cohort was made and the commands that trained the model, for the model card" };
        // The same --pvc/--fwhm as quantify and normdb build: the card must name the correction studies will be measured with.
        var pvc = PartialVolumeArguments.MethodOption();
        pvc.Description = "Partial-volume correction the cohort's SUVR stand for (none, gtm, rbv), recorded on the card; " +
            "Prediction refuses studies measured another way. Simulate the cohort with the same `cohort simulate --pvc`";
        var fwhm = PartialVolumeArguments.FwhmOption();
        var command = new Command("train", "Nested cross-validated comparison of trainers on a cohort CSV, then trains the deployed model")
        {
            cohort, json, registry, activate, seed, permutations, origin, featureSource, provenance, pvc, fwhm,
        };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var correction = PartialVolumeArguments.Read(parse, pvc, fwhm);
            var method = PartialVolumeMethods.Parse(correction.Method);
            var features = FeatureSourceText(parse.GetValue(featureSource), method);
            var rows = InputErrors(() => CohortCsv.Read(parse.GetValue(cohort)!));
            var dataOrigin = parse.GetValue(origin)!;
            if (parse.GetValue(activate) && parse.GetValue(registry) is null)
            {
                throw new CliFailure("--activate needs --registry", CliRunner.InputError);
            }

            if (parse.GetValue(permutations) is < 1 or > 10_000)
            {
                throw new CliFailure($"--permutations must be 1-10000, not {parse.GetValue(permutations)}", CliRunner.InputError);
            }

            var (report, model) = InputErrors(() =>
            {
                var comparison = ModelComparison.Run(rows, new TrainingOptions(),
                    new ComparisonOptions { Seed = parse.GetValue(seed), Permutations = parse.GetValue(permutations) });
                var trained = ResponseModelTrainer.Train(rows, new TrainingOptions
                {
                    Seed = parse.GetValue(seed),
                    Trainer = ResponseTrainerKind.LogisticRegression,
                    L2Regularization = comparison.DeployedL2,
                    DataOrigin = dataOrigin,
                    FeatureSource = features,
                    Provenance = parse.GetValue(provenance),
                    PartialVolumeCorrection = method.Name(),
                    PartialVolumeFwhmMm = method == PartialVolumeMethod.None ? null : correction.FwhmMm,
                }, comparison.ToEvaluationSummary());
                return (comparison, trained);
            });
            using (model)
            {
                if (parse.GetValue(registry) is { } folder)
                {
                    var models = new ModelRegistry(folder);
                    models.Register(model);
                    if (parse.GetValue(activate))
                    {
                        models.Activate(model.Version);
                    }
                }

                if (parse.GetValue(json))
                {
                    // NaN is a legitimate answer (e.g. no calibration slope without both outcomes in a resample); JSON needs it spelled out.
                    var options = new System.Text.Json.JsonSerializerOptions(JsonOutput.Options)
                    {
                        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
                    };
                    Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { comparison = report, model = model.Card }, options));
                }
                else
                {
                    ComparisonText.Print(report, model.Card, parse.GetValue(registry), parse.GetValue(activate));
                }
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command List(TimeProvider clock)
    {
        var server = ServerOption();
        var registry = RegistryOption();
        var command = new Command("list", "Lists the model versions of the running Prediction service (or of an offline registry folder); * marks the active one")
        {
            server, registry,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            if (OfflineRegistry(parse.GetValue(server), parse.GetValue(registry)) is not { } folder)
            {
                await ModelServerCommands.ListAsync(ConnectionOptions.For(parse, parse.GetValue(server) ?? PredictionServer.DefaultAddress), clock, cancellation);
                return 0;
            }

            var models = new ModelRegistry(folder);
            var active = models.ActiveVersion;
            foreach (var card in models.ListVersions())
            {
                Console.Out.WriteLine($"{(card.Version == active ? "*" : " ")} {card.Summary}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Activate(TimeProvider clock)
    {
        var server = ServerOption();
        var registry = RegistryOption();
        var version = new Option<string>("--version") { Description = "Version to activate", Required = true };
        var command = new Command("activate", "Makes a registered version the one the running Prediction service serves, no restart (or the active one of an offline registry folder)")
        {
            server, registry, version,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            if (OfflineRegistry(parse.GetValue(server), parse.GetValue(registry)) is not { } folder)
            {
                await ModelServerCommands.ActivateAsync(ConnectionOptions.For(parse, parse.GetValue(server) ?? PredictionServer.DefaultAddress), parse.GetValue(version)!, clock, cancellation);
                return 0;
            }

            var models = new ModelRegistry(folder);
            InputErrors(() =>
            {
                models.Activate(parse.GetValue(version)!);
                return 0;
            });
            Console.Out.WriteLine($"active model: {models.ActiveVersion}");
            return 0;
        }));
        return command;
    }

    internal static Option<string?> ServerOption() =>
        new("--server") { Description = $"Prediction service gRPC address (default {PredictionServer.DefaultAddress})" };

    private static Option<string?> RegistryOption() =>
        new("--registry")
        {
            Description = "An offline registry folder (e.g. one `model train --registry` wrote) instead of the service; " +
                "the running service does not read it, its models are in its database",
        };

    /// <summary>The registry folder when the user asked for one; null means the running service.</summary>
    private static string? OfflineRegistry(string? server, string? registry) => (server, registry) switch
    {
        ({ }, { }) => throw new CliFailure("give --server or --registry, not both", CliRunner.InputError),
        (_, { } folder) => folder,
        _ => null,
    };

    /// <summary>"measured" means measured under the card's correction; ideal features are no corrected study's features.</summary>
    private static string? FeatureSourceText(string? given, PartialVolumeMethod method) => given switch
    {
        "measured" => MeasuredSuvrModels.For(method).Description,
        "ideal" when method != PartialVolumeMethod.None => throw new CliFailure(
            $"--feature-source ideal does not describe studies measured with --pvc {method.Name()}: simulate the cohort with " +
            $"`cohort simulate --features measured --pvc {method.Name()}` and give --feature-source measured", CliRunner.InputError),
        "ideal" => RegionVolumeFractions.Default.Description,
        _ => given,
    };

    /// <summary>Unusable cohorts and versions are the user's to fix: one line and exit code 2, not a stack trace.</summary>
    private static T InputErrors<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception error) when (error is AmpaCdsException or ArgumentException or DirectoryNotFoundException or FileNotFoundException)
        {
            throw new CliFailure(error.Message, CliRunner.InputError);
        }
    }
}
