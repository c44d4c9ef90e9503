namespace AmpaCds.ServiceDefaults.Messaging;

/// <summary>Which transport carries the pipeline's events (section "AmpaCds:Bus").</summary>
public sealed class BusOptions
{
    public const string Section = "AmpaCds:Bus";

    /// <summary>"InMemory" (embedded: one process) or "RabbitMq" (distributed).</summary>
    public string Transport { get; set; } = "InMemory";

    public string Host { get; set; } = "127.0.0.1";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Used when <see cref="RetryIntervalsMs"/> is not configured.</summary>
    public static IReadOnlyList<int> DefaultRetryIntervalsMs { get; } = [200, 1000, 5000];

    /// <summary>
    /// Immediate redelivery intervals before a message goes to its _error queue; empty means
    /// <see cref="DefaultRetryIntervalsMs"/>. The default is not the initial value because the
    /// configuration binder appends configured elements to an array's initial ones.
    /// </summary>
    public int[] RetryIntervalsMs { get; set; } = [];

    public IReadOnlyList<int> EffectiveRetryIntervalsMs => RetryIntervalsMs.Length == 0 ? DefaultRetryIntervalsMs : RetryIntervalsMs;

    /// <summary>Messages each consumer endpoint may process at once.</summary>
    public int ConcurrentMessageLimit { get; set; } = 2;

    public bool UsesRabbitMq => string.Equals(Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);
}
