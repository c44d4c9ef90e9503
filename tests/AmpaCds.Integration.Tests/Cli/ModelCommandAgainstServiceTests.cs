using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Cli;

/// <summary>`model list|activate|retrain --server` against the running Prediction service's gRPC API.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ModelCommandAgainstServiceTests(DistributedSystem system)
{
    [Fact]
    public async Task ListShowsTheShippedDefaultModelAsActive()
    {
        var list = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), system.CliEnvironment, "model", "list", "--server", system.PredictionGrpcAddress);

        Assert.True(list.ExitCode == 0, list.ToString());
        var active = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('*')).ToList();
        var line = Assert.Single(active);
        Assert.StartsWith("* k2-response-", line, StringComparison.Ordinal);
        Assert.Contains("synthetic", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActivatingAnUnknownVersionExitsWithAnInputErrorNamingIt()
    {
        var activate = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(1), system.CliEnvironment, "model", "activate", "--server", system.PredictionGrpcAddress,
            "--version", "nope");

        Assert.Equal(2, activate.ExitCode);
        Assert.StartsWith("ampacds:", activate.StandardError, StringComparison.Ordinal);
        Assert.Contains("'nope'", activate.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrainingWithoutRecordedOutcomesEndsFailedWithTheReason()
    {
        var retrain = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(3), system.CliEnvironment, "model", "retrain", "--server", system.PredictionGrpcAddress,
            "--wait", "120");

        Assert.Equal(4, retrain.ExitCode);
        Assert.Matches("^retraining job [0-9a-f]{32}: (queued|running)", retrain.StandardOutput);
        Assert.Contains("failed: Training needs at least", retrain.StandardError, StringComparison.Ordinal);
    }
}
