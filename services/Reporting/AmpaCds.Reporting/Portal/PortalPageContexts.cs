using AmpaCds.Security.Access;
using AmpaCds.Reporting.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>Builds the per-request page context: language, the person's display name and a fresh form token.</summary>
public sealed class PortalPageContexts(IAntiforgery antiforgery)
{
    /// <param name="returnUrl">Where the language menu and live updates lead back to; by default this request's address,
    /// which for a form's answer would repeat the form, so those pass the page's own address.</param>
    public PortalPageContext For(HttpContext context, UiLanguage? language = null, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = context.User;
        var name = user.FindFirst("name")?.Value ?? user.FindFirst("sub")?.Value ?? "";
        returnUrl ??= context.Request.Path + context.Request.QueryString;
        var sections = (user.IsInRole(Roles.Psychiatrist) ? PortalSections.Worklist : PortalSections.None)
            | (user.IsInRole(Roles.Ops) ? PortalSections.Operations : PortalSections.None)
            | (user.IsInRole(Roles.Researcher) ? PortalSections.Research : PortalSections.None);
        return new PortalPageContext(new ReaderFormat(language ?? PortalLanguage.Resolve(context.Request)), name, tokens.RequestToken ?? "", returnUrl, sections);
    }
}
