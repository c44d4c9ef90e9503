using AmpaCds.Dicom.Network;
using AmpaCds.Domain;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Pipeline;
using Grpc.Core;

namespace AmpaCds.Cli.Output;

/// <summary>
/// Runs a command body and turns the failures users can cause (bad input, unreachable peers)
/// into one clear line on stderr and a non-zero exit code, instead of a stack trace.
/// </summary>
public static class CliRunner
{
    public const int InputError = 2;
    public const int PeerError = 3;

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliFailure failure)
        {
            return Fail(failure.Message, failure.ExitCode);
        }
        // Network failures are the peer's, not the input's; they keep their own handling.
        catch (Exception error) when (error is AmpaCdsException and not DicomNetworkException or IOException or UnauthorizedAccessException)
        {
            return Fail(error.Message, InputError);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unauthenticated)
        {
            return Fail($"not authenticated: {Reason(error, "give a valid token with --token or AMPACDS_TOKEN (ampacds auth token)")}", PeerError);
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            return Fail($"not permitted: {Reason(error, "the token does not carry a role this call needs")}", PeerError);
        }
        catch (RpcException error)
        {
            return Fail($"server answered {error.StatusCode}: {error.Status.Detail}", PeerError);
        }
        catch (System.Net.Sockets.SocketException error)
        {
            return Fail($"network: {error.Message}", PeerError);
        }
    }

    private static string Reason(RpcException error, string fallback) =>
        string.IsNullOrWhiteSpace(error.Status.Detail) || error.Status.Detail.StartsWith("Bad gRPC response", StringComparison.Ordinal) ? fallback : error.Status.Detail;

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"ampacds: {message}");
        return exitCode;
    }
}
