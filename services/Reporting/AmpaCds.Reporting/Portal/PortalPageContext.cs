namespace AmpaCds.Reporting.Portal;

/// <summary>What every portal page needs from the request: the reader's language, who they are, the form token.</summary>
/// <param name="Sections">The portal's areas this person may open (psychiatrist: the worklist; ops: the operations page; researcher: the research page), for the navigation.</param>
public sealed record PortalPageContext(ReaderFormat Format, string UserName, string AntiforgeryToken, string ReturnUrl, PortalSections Sections = PortalSections.Worklist)
{
    /// <summary>Where the product name leads: the first area this person may open (the worklist when none, which explains itself).</summary>
    public string Home => Sections.HasFlag(PortalSections.Worklist) || Sections == PortalSections.None ? PortalPaths.Worklist
        : Sections.HasFlag(PortalSections.Operations) ? PortalPaths.Ops
        : PortalPaths.Research;

    /// <summary>The worklist link: for psychiatrists, and for people with no other area (they learn there that it is not theirs).</summary>
    public bool ShowsWorklist => Sections.HasFlag(PortalSections.Worklist) || (Sections & (PortalSections.Operations | PortalSections.Research)) == 0;
}
