namespace AmpaCds.Reporting.Portal;

/// <summary>The portal's areas, by the role that opens them.</summary>
[Flags]
public enum PortalSections
{
    None = 0,

    /// <summary>Worklist, studies and reports (psychiatrist).</summary>
    Worklist = 1,

    /// <summary>The operations page (ops).</summary>
    Operations = 2,

    /// <summary>The research page: published cohort analyses (researcher).</summary>
    Research = 4,
}
