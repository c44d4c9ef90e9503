using System.Reflection;
using AmpaCds.ServiceDefaults.Messaging;
using MassTransit;

namespace AmpaCds.Cli.Tests.Operations;

/// <summary>
/// Operations read queue depths and dead letters by name (<see cref="ConsumerQueues"/>): every consumer of the four
/// services must have its queue there, named as MassTransit's kebab-case formatter names it, and nothing else may be.
/// </summary>
public sealed class ConsumerQueuesTests
{
    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(AmpaCds.Intake.IntakeOptions).Assembly,
        typeof(AmpaCds.Quantification.QuantificationOptions).Assembly,
        typeof(AmpaCds.Prediction.PredictionServiceCollectionExtensions).Assembly,
        typeof(AmpaCds.Reporting.ReportingServiceCollectionExtensions).Assembly,
    ];

    [Fact]
    public void EveryConsumerOfEveryServiceHasItsQueueListedAndNothingElseIs()
    {
        var consumers = ServiceAssemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .ToList();
        Assert.True(consumers.Count >= 9, $"found {consumers.Count} consumers");
        var formatter = KebabCaseEndpointNameFormatter.Instance;
        var names = consumers.Select(type => (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
            .MakeGenericMethod(type).Invoke(formatter, null)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, ConsumerQueues.All.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("forecast", "forecast_error")]
    [InlineData("reporting-uptake-measured", "reporting-uptake-measured_error")]
    public void ErrorQueueIsTheQueueWithMassTransitsSuffix(string queue, string expected) => Assert.Equal(expected, ConsumerQueues.ErrorQueue(queue));
}
