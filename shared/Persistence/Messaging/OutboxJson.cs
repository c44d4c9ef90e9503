using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit.Serialization;

namespace AmpaCds.Persistence.Messaging;

/// <summary>
/// The serializer options of outbox bodies: MassTransit's own options plus named floating-point
/// literals, as BusRegistration configures the bus, so a body round-trips to the same message the
/// consumer would have published directly (a region outside the field of view has a NaN mean).
/// </summary>
public static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options);
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.MakeReadOnly();
        return options;
    }
}
