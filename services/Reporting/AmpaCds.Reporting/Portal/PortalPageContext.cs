namespace AmpaCds.Reporting.Portal;

/// <summary>What every portal page needs from the request: the reader's language, who they are, the form token.</summary>
/// <param name="Sections">The portal's areas this person may open (psychiatrist: the worklist; ops: the operations page), for the navigation.</param>
public sealed record PortalPageContext(ReaderFormat Format, string UserName, string AntiforgeryToken, string ReturnUrl, PortalSections Sections = PortalSections.Worklist);
