using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace AmpaCds.Security.Audit;

/// <summary>
/// Renders an <see cref="AuditEvent"/> as a DICOM audit message (PS3.15 A.5.1 schema, IHE ATNA): what the
/// Audit Record Repository stores and what syslog forwarding sends as the message body.
/// </summary>
public static class AuditMessageXml
{
    /// <summary>AuditSourceTypeCode 4: application server process tier.</summary>
    private const string ApplicationServerSourceType = "4";

    public static string Write(AuditEvent auditEvent, string auditSourceId)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditSourceId);
        var coding = AuditEventCodes.For(auditEvent.Kind);
        var message = new XElement("AuditMessage",
            EventIdentification(auditEvent, coding),
            Requestor(auditEvent.Actor),
            // The service that recorded the event takes part too, as the non-requesting participant.
            new XElement("ActiveParticipant",
                new XAttribute("UserID", auditSourceId),
                new XAttribute("UserIsRequestor", "false")),
            new XElement("AuditSourceIdentification",
                new XAttribute("AuditSourceID", auditSourceId),
                new XElement("AuditSourceTypeCode", new XAttribute("csd-code", ApplicationServerSourceType))),
            auditEvent.Objects.Select(ParticipantObject));
        var builder = new StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(builder, new System.Xml.XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            message.WriteTo(writer);
        }
        return builder.ToString();
    }

    private static XElement EventIdentification(AuditEvent auditEvent, AuditEventCoding coding)
    {
        var element = new XElement("EventIdentification",
            new XAttribute("EventActionCode", coding.ActionCode),
            new XAttribute("EventDateTime", auditEvent.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XAttribute("EventOutcomeIndicator", ((int)auditEvent.Outcome).ToString(CultureInfo.InvariantCulture)),
            Code("EventID", coding.EventId));
        if (coding.EventType is { } eventType)
        {
            element.Add(Code("EventTypeCode", eventType));
        }
        if (!string.IsNullOrWhiteSpace(auditEvent.Detail))
        {
            element.Add(new XElement("EventOutcomeDescription", auditEvent.Detail));
        }
        return element;
    }

    private static XElement Requestor(AuditActor actor)
    {
        var element = new XElement("ActiveParticipant",
            new XAttribute("UserID", actor.UserId),
            new XAttribute("UserIsRequestor", "true"));
        if (!string.IsNullOrWhiteSpace(actor.NetworkAddress))
        {
            // 2: IP address, 1: machine name.
            element.Add(new XAttribute("NetworkAccessPointID", actor.NetworkAddress),
                new XAttribute("NetworkAccessPointTypeCode", IPAddress.TryParse(actor.NetworkAddress, out _) ? "2" : "1"));
        }
        foreach (var role in actor.Roles)
        {
            element.Add(Code("RoleIDCode", new AuditCode(role, "AmpaCds Roles", role)));
        }
        return element;
    }

    private static XElement ParticipantObject(AuditObject auditObject)
    {
        var (typeCode, role, idType) = auditObject.Kind switch
        {
            AuditObjectKind.Patient => ("1", "1", AuditCode.Rfc3881("2", "Patient Number")),
            AuditObjectKind.Study => ("2", "3", AuditCode.Dcm("110180", "Study Instance UID")),
            AuditObjectKind.Query => ("2", "24", AuditCode.Dcm("110181", "SOP Class UID")),
            AuditObjectKind.Model => ("2", "4", AuditCode.Rfc3881("12", "URI")),
            AuditObjectKind.Node => ("2", "4", AuditCode.Rfc3881("12", "URI")),
            _ => throw new ArgumentOutOfRangeException(nameof(auditObject), auditObject.Kind, "unknown audit object kind"),
        };
        var element = new XElement("ParticipantObjectIdentification",
            new XAttribute("ParticipantObjectID", auditObject.Id),
            new XAttribute("ParticipantObjectTypeCode", typeCode),
            new XAttribute("ParticipantObjectTypeCodeRole", role),
            Code("ParticipantObjectIDTypeCode", idType));
        if (auditObject.Kind == AuditObjectKind.Query)
        {
            element.Add(new XElement("ParticipantObjectQuery", Convert.ToBase64String(Encoding.UTF8.GetBytes(auditObject.Name ?? ""))));
        }
        else if (!string.IsNullOrEmpty(auditObject.Name))
        {
            element.Add(new XElement("ParticipantObjectName", auditObject.Name));
        }
        if (auditObject.Kind == AuditObjectKind.Study)
        {
            element.Add(new XElement("ParticipantObjectDescription", "PET study"),
                new XElement("SOPClass", new XAttribute("UID", PetImageStorage)));
        }
        return element;
    }

    /// <summary>The one SOP class AmpaCds stores (PET Image Storage).</summary>
    private const string PetImageStorage = "1.2.840.10008.5.1.4.1.1.128";

    private static XElement Code(string name, AuditCode code) => new(name,
        new XAttribute("csd-code", code.Code),
        new XAttribute("codeSystemName", code.CodeSystemName),
        new XAttribute("originalText", code.DisplayName));
}
