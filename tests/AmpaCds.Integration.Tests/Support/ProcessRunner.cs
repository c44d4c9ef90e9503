using System.Diagnostics;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>Runs a program to completion with a time limit, capturing its output.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>The ampacds CLI as a separate process, exactly as an operator runs it.</summary>
    public static Task<ProcessResult> RunCliAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync("dotnet", [RepositoryPaths.CliAssembly, .. arguments], timeout);

    /// <summary>The CLI with extra environment, e.g. DistributedSystem.CliEnvironment (AMPACDS_CA_CERT) for its TLS servers.</summary>
    public static Task<ProcessResult> RunCliAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync("dotnet", [RepositoryPaths.CliAssembly, .. arguments], timeout, environment);

    /// <summary>DCMTK tools need TCP_NODELAY=1, or every PDU waits on a delayed ACK.</summary>
    public static Task<ProcessResult> RunDcmtkAsync(string tool, TimeSpan timeout, params string[] arguments) =>
        RunAsync(tool, arguments, timeout, new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });
}
