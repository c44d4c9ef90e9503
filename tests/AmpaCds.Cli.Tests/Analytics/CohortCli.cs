using System.CommandLine;
using AmpaCds.Cli.Commands;

namespace AmpaCds.Cli.Tests.Analytics;

/// <summary>Runs `ampacds cohort ...` in-process, as the shell would, and returns the exit code.</summary>
internal static class CohortCli
{
    public static Task<int> RunAsync(params string[] arguments) =>
        new RootCommand { CohortCommand.Create() }.Parse(["cohort", .. arguments]).InvokeAsync();
}
