using System.Text;
using System.Xml.Linq;
using AmpaCds.Security.Audit;

namespace AmpaCds.Security.Tests;

/// <summary>
/// The DICOM audit message of every event kind: the PS3.15 A.5.1 structure (element order, required
/// attributes) and the specific codes ATNA repositories key on.
/// </summary>
public sealed class AuditMessageXmlTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 18, 30, 5, 250, TimeSpan.FromHours(9));

    private static AuditEvent Sample(AuditEventKind kind, AuditOutcome outcome = AuditOutcome.Success, string? detail = null) => new(
        kind, outcome, At,
        new AuditActor("dr.sato", ["auditor", "psychiatrist"], "192.0.2.10"),
        [AuditObject.Patient("P-77", "Yamada^Taro"), AuditObject.Study("1.2.840.99.7")],
        detail);

    private static XElement Render(AuditEvent auditEvent) => XElement.Parse(AuditMessageXml.Write(auditEvent, "reporting"));

    public static TheoryData<AuditEventKind, string, string, string?> Codings => new()
    {
        { AuditEventKind.ReportViewed, "110110", "R", null },
        { AuditEventKind.ReportExported, "110106", "R", null },
        { AuditEventKind.ForecastRequested, "110110", "E", null },
        { AuditEventKind.OutcomeRecorded, "110110", "U", null },
        { AuditEventKind.StudyReceived, "110104", "C", null },
        { AuditEventKind.StudySentToPacs, "110104", "R", null },
        { AuditEventKind.Query, "110112", "E", null },
        { AuditEventKind.InstancesAccessed, "110103", "R", null },
        { AuditEventKind.ModelChanged, "110100", "U", null },
        { AuditEventKind.AuditLogRead, "110101", "R", null },
        { AuditEventKind.UserAuthenticated, "110114", "E", "110122" },
        { AuditEventKind.AuthenticationRefused, "110114", "E", "110122" },
        { AuditEventKind.AuthorizationRefused, "110113", "E", "110132" },
        { AuditEventKind.NodeAuthenticationRefused, "110113", "E", "110126" },
    };

    [Fact]
    public void Every_kind_has_a_coding_in_the_table_above()
    {
        Assert.Equal(Enum.GetValues<AuditEventKind>().Length, Codings.Count);
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public void Each_kind_has_its_event_id_action_and_type(AuditEventKind kind, string eventId, string action, string? eventType)
    {
        var message = Render(Sample(kind));

        Assert.Equal("AuditMessage", message.Name.LocalName);
        Assert.Equal(
            ["EventIdentification", "ActiveParticipant", "ActiveParticipant", "AuditSourceIdentification", "ParticipantObjectIdentification", "ParticipantObjectIdentification"],
            message.Elements().Select(element => element.Name.LocalName));
        var identification = message.Element("EventIdentification")!;
        Assert.Equal(action, (string?)identification.Attribute("EventActionCode"));
        Assert.Equal("2026-12-04T09:30:05.250Z", (string?)identification.Attribute("EventDateTime"));
        Assert.Equal("0", (string?)identification.Attribute("EventOutcomeIndicator"));
        var id = identification.Element("EventID")!;
        Assert.Equal((eventId, "DCM"), ((string?)id.Attribute("csd-code"), (string?)id.Attribute("codeSystemName")));
        Assert.False(string.IsNullOrEmpty((string?)id.Attribute("originalText")));
        Assert.Equal(eventType, (string?)identification.Element("EventTypeCode")?.Attribute("csd-code"));
        // EventID comes first in EventIdentification, EventTypeCode after it.
        Assert.Equal("EventID", identification.Elements().First().Name.LocalName);
    }

    [Fact]
    public void The_requestor_carries_user_roles_and_address_and_the_source_names_the_service()
    {
        var message = Render(Sample(AuditEventKind.ReportViewed));

        var participants = message.Elements("ActiveParticipant").ToList();
        var requestor = participants[0];
        Assert.Equal(("dr.sato", "true"), ((string?)requestor.Attribute("UserID"), (string?)requestor.Attribute("UserIsRequestor")));
        Assert.Equal(("192.0.2.10", "2"), ((string?)requestor.Attribute("NetworkAccessPointID"), (string?)requestor.Attribute("NetworkAccessPointTypeCode")));
        Assert.Equal(["auditor", "psychiatrist"], requestor.Elements("RoleIDCode").Select(role => (string?)role.Attribute("csd-code")));
        Assert.Equal(("reporting", "false"), ((string?)participants[1].Attribute("UserID"), (string?)participants[1].Attribute("UserIsRequestor")));
        var source = message.Element("AuditSourceIdentification")!;
        Assert.Equal("reporting", (string?)source.Attribute("AuditSourceID"));
        Assert.Equal("4", (string?)source.Element("AuditSourceTypeCode")!.Attribute("csd-code"));
    }

    [Fact]
    public void A_host_name_address_is_type_1_and_no_address_leaves_the_attributes_out()
    {
        var byName = Render(Sample(AuditEventKind.Query) with { Actor = new AuditActor("PACS_AE", [], "pacs.hospital.example") });
        var none = Render(Sample(AuditEventKind.Query) with { Actor = new AuditActor(AuditActor.Anonymous, [], null) });

        Assert.Equal("1", (string?)byName.Element("ActiveParticipant")!.Attribute("NetworkAccessPointTypeCode"));
        Assert.Null(none.Element("ActiveParticipant")!.Attribute("NetworkAccessPointID"));
        Assert.Null(none.Element("ActiveParticipant")!.Attribute("NetworkAccessPointTypeCode"));
    }

    [Fact]
    public void Patient_and_study_objects_have_their_type_role_and_id_type_codes()
    {
        var objects = Render(Sample(AuditEventKind.ReportViewed)).Elements("ParticipantObjectIdentification").ToList();

        var patient = objects[0];
        Assert.Equal(("P-77", "1", "1"), Attributes(patient));
        Assert.Equal(("2", "RFC-3881"), IdType(patient));
        Assert.Equal("Yamada^Taro", (string?)patient.Element("ParticipantObjectName"));
        var study = objects[1];
        Assert.Equal(("1.2.840.99.7", "2", "3"), Attributes(study));
        Assert.Equal(("110180", "DCM"), IdType(study));
        Assert.Equal("1.2.840.10008.5.1.4.1.1.128", (string?)study.Element("SOPClass")!.Attribute("UID"));
        Assert.Equal("ParticipantObjectIDTypeCode", study.Elements().First().Name.LocalName);
    }

    [Fact]
    public void A_query_object_is_role_24_with_the_query_base64()
    {
        var query = Render(new AuditEvent(AuditEventKind.Query, AuditOutcome.Success, At, new AuditActor("viewer", [], null),
            [new AuditObject(AuditObjectKind.Query, "1.2.840.10008.5.1.4.1.2.2.1", "PatientID=P-77")]));

        var element = query.Element("ParticipantObjectIdentification")!;
        Assert.Equal(("1.2.840.10008.5.1.4.1.2.2.1", "2", "24"), Attributes(element));
        Assert.Equal(("110181", "DCM"), IdType(element));
        Assert.Equal("PatientID=P-77", Encoding.UTF8.GetString(Convert.FromBase64String((string)element.Element("ParticipantObjectQuery")!)));
        Assert.Null(element.Element("ParticipantObjectName"));
    }

    [Theory]
    [InlineData(AuditOutcome.MinorFailure, "4")]
    [InlineData(AuditOutcome.SeriousFailure, "8")]
    [InlineData(AuditOutcome.MajorFailure, "12")]
    public void A_failure_carries_its_outcome_and_description(AuditOutcome outcome, string indicator)
    {
        var identification = Render(Sample(AuditEventKind.AuthorizationRefused, outcome, "role psychiatrist required for GetReport"))
            .Element("EventIdentification")!;

        Assert.Equal(indicator, (string?)identification.Attribute("EventOutcomeIndicator"));
        Assert.Equal("role psychiatrist required for GetReport", (string?)identification.Element("EventOutcomeDescription"));
        Assert.Equal("EventOutcomeDescription", identification.Elements().Last().Name.LocalName);
    }

    [Fact]
    public void Markup_in_values_is_escaped_not_interpreted()
    {
        var xml = AuditMessageXml.Write(Sample(AuditEventKind.ReportViewed, detail: "<b>&</b>") with
        {
            Actor = new AuditActor("a\"b<c", [], null),
        }, "reporting");

        var message = XElement.Parse(xml);
        Assert.Equal("a\"b<c", (string?)message.Element("ActiveParticipant")!.Attribute("UserID"));
        Assert.Equal("<b>&</b>", (string?)message.Element("EventIdentification")!.Element("EventOutcomeDescription"));
    }

    private static (string?, string?, string?) Attributes(XElement participantObject) => (
        (string?)participantObject.Attribute("ParticipantObjectID"),
        (string?)participantObject.Attribute("ParticipantObjectTypeCode"),
        (string?)participantObject.Attribute("ParticipantObjectTypeCodeRole"));

    private static (string?, string?) IdType(XElement participantObject)
    {
        var code = participantObject.Element("ParticipantObjectIDTypeCode")!;
        return ((string?)code.Attribute("csd-code"), (string?)code.Attribute("codeSystemName"));
    }
}
