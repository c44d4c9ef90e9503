using System.Globalization;
using System.Text;

namespace AmpaCds.Reporting.Operations.DeadLetters;

/// <summary>
/// MassTransit's fault headers on a message in an _error queue (MT-Fault-*, MT-Reason): what failed and why. AMQP
/// carries string header values as bytes.
/// </summary>
public static class FaultHeaders
{
    public const string Prefix = "MT-Fault-";
    public const string Reason = "MT-Reason";
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string Timestamp = "MT-Fault-Timestamp";
    public const string MessageType = "MT-Fault-MessageType";

    // A fault message can be long (an inner exception's text); the list shows the start, the service log has the rest.
    private const int MaximumReasonLength = 400;

    public static string Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => "",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        } : "";

    public static string ShortReason(IDictionary<string, object?>? headers)
    {
        var text = Text(headers, Message).ReplaceLineEndings(" ");
        return text.Length <= MaximumReasonLength ? text : text[..MaximumReasonLength] + "…";
    }

    public static DateTimeOffset? FaultedAt(IDictionary<string, object?>? headers) =>
        DateTimeOffset.TryParse(Text(headers, Timestamp), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    /// <summary>
    /// The contract's own name: MassTransit writes the type as "AmpaCds.Contracts.Messages.RegionalUptakeMeasured" in the
    /// fault header and as "urn:message:AmpaCds.Contracts.Messages:RegionalUptakeMeasured" (a list) in the envelope.
    /// </summary>
    public static string ShortMessageType(string messageType)
    {
        var first = messageType.Split(';', ',')[0].Trim();
        var separator = first.LastIndexOfAny([':', '.']);
        return separator >= 0 ? first[(separator + 1)..] : first;
    }

    /// <summary>The headers a replayed message goes back with: its own, without the fault MassTransit added on the way to _error.</summary>
    public static Dictionary<string, object?> WithoutFault(IDictionary<string, object?>? headers) =>
        (headers ?? new Dictionary<string, object?>())
            .Where(header => !header.Key.StartsWith(Prefix, StringComparison.Ordinal) && header.Key != Reason)
            .ToDictionary(header => header.Key, header => header.Value, StringComparer.Ordinal);
}
