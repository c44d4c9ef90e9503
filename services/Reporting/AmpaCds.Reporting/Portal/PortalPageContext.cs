namespace AmpaCds.Reporting.Portal;

/// <summary>What every portal page needs from the request: the reader's language, who they are, the form token.</summary>
public sealed record PortalPageContext(ReaderFormat Format, string UserName, string AntiforgeryToken, string ReturnUrl);
