using System.Globalization;
using System.Text;
using AmpaCds.Reporting.Persistence;

namespace AmpaCds.Reporting.Audit;

/// <summary>
/// One stored audit event as an RFC 5424 syslog message (MSGID the event kind, the body the DICOM audit XML,
/// as IHE ATNA's transport prescribes), framed by octet counting for TLS (RFC 5425).
/// </summary>
public static class SyslogMessage
{
    private const int Notice = 5;
    private const int Warning = 4;

    public static string Format(AuditEventEntity row, AuditSyslogOptions options, string hostName, int processId)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        var priority = options.Facility * 8 + (row.Outcome == 0 ? Notice : Warning);
        var timestamp = new DateTimeOffset(row.OccurredAtUtcTicks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        // No structured data ("-"); the body is UTF-8 with a BOM, which RFC 5424 uses to mark it as such.
        return string.Create(CultureInfo.InvariantCulture,
            $"<{priority}>1 {timestamp} {Token(hostName, 255)} {Token(options.AppName, 48)} {processId} {Token(row.Kind, 32)} - \uFEFF{row.Xml}");
    }

    /// <summary>"LENGTH SP MESSAGE", the length in octets of the UTF-8 message.</summary>
    public static byte[] Frame(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{body.Length} "));
        return [.. prefix, .. body];
    }

    /// <summary>Header fields are printable US-ASCII without spaces, bounded in length; "-" when empty.</summary>
    private static string Token(string value, int maxLength)
    {
        var cleaned = new string(value.Where(character => character is > ' ' and < (char)127).Take(maxLength).ToArray());
        return cleaned.Length == 0 ? "-" : cleaned;
    }
}
