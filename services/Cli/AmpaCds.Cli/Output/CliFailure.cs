namespace AmpaCds.Cli.Output;

/// <summary>A failure the user can act on: printed as one line on stderr, exit code as given.</summary>
public sealed class CliFailure(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
