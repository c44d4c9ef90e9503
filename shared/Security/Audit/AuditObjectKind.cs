namespace AmpaCds.Security.Audit;

/// <summary>What a ParticipantObject is (PS3.15 A.5.1 ParticipantObjectTypeCode / TypeCodeRole / IDTypeCode).</summary>
public enum AuditObjectKind
{
    /// <summary>The patient (person, role patient, ID type RFC-3881 "2" patient number).</summary>
    Patient,

    /// <summary>A study (system object, role report, ID type DCM 110180 Study Instance UID).</summary>
    Study,

    /// <summary>A query (system object, role query, ID type DCM 110181 SOP Class UID of the query or the route).</summary>
    Query,

    /// <summary>A model version (system object, role resource).</summary>
    Model,

    /// <summary>A network node or endpoint the event concerns (system object, role resource).</summary>
    Node,
}
