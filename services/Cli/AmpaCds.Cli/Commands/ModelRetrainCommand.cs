using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds model retrain --server URL`: has the running Prediction service train a new version from its recorded outcomes.</summary>
public static class ModelRetrainCommand
{
    public static Command Create(TimeProvider clock)
    {
        var server = ModelCommand.ServerOption();
        var seed = new Option<int>("--seed") { Description = "Seed of the retraining", DefaultValueFactory = _ => 1 };
        var activate = new Option<bool>("--activate") { Description = "Make the new version the active one when training succeeds" };
        var wait = new Option<double>("--wait")
        {
            Description = "Seconds to follow the job until it succeeds (prints the version) or fails (exit 4); 0 only queues it",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("retrain", "Queues retraining of a new model version from the outcomes the Prediction service recorded; prints the job id")
        {
            server, seed, activate, wait,
        };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(() =>
        {
            if (parse.GetValue(wait) is < 0 or > 86_400)
            {
                throw new CliFailure($"--wait must be 0-86400 seconds, not {parse.GetValue(wait)}", CliRunner.InputError);
            }
            return ModelServerCommands.RetrainAsync(ConnectionOptions.For(parse, parse.GetValue(server) ?? PredictionServer.DefaultAddress), parse.GetValue(seed),
                parse.GetValue(activate), parse.GetValue(wait), clock, cancellation);
        }));
        return command;
    }
}
