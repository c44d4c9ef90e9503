namespace AmpaCds.ServiceDefaults.Messaging;

/// <summary>
/// The receive queues of every service's consumers, as MassTransit's kebab-case formatter names them; a message that
/// still fails after the retries lies in "&lt;queue&gt;_error". Operations read queue depths and dead letters by these
/// names (AMQP cannot list a virtual host's queues); ConsumerQueuesTests fails when a consumer is added without its
/// queue here.
/// </summary>
public static class ConsumerQueues
{
    public const string ErrorSuffix = "_error";

    public static IReadOnlyList<string> All { get; } =
    [
        "quantify-received-series",
        "quantify-requested-series",
        "forecast",
        "reporting-series-received",
        "reporting-demographics",
        "reporting-uptake-measured",
        "reporting-forecast-issued",
        "reporting-pipeline-failure",
        "audit-event-recorded",
    ];

    public static string ErrorQueue(string queue) => queue + ErrorSuffix;

    public static bool IsKnown(string queue) => All.Contains(queue, StringComparer.Ordinal);
}
