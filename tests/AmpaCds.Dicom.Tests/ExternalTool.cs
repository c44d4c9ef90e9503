using System.Diagnostics;

namespace AmpaCds.Dicom.Tests;

/// <summary>Runs DCMTK / python helpers found on PATH, with a hard timeout so a stuck tool cannot hang the suite.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string All => StdOut + Environment.NewLine + StdErr;
    }

    public static string Locate(string name)
    {
        if (Path.IsPathRooted(name) && File.Exists(name)) return name;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"Required tool '{name}' was not found on PATH. Install DCMTK (apt-get install dcmtk) / python3-pydicom to run these tests.");
    }

    public static Result Run(string tool, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        using var process = Start(tool, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in time.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        using var process = Start(tool, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in time.");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string tool, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // DCMTK honours TCP_NODELAY; without it small PDUs wait on Nagle + delayed ACK.
        info.Environment["TCP_NODELAY"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
    }
}
