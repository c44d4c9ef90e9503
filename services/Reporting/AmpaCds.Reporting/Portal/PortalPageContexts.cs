using AmpaCds.Reporting.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>Builds the per-request page context: language, the person's display name and a fresh form token.</summary>
public sealed class PortalPageContexts(IAntiforgery antiforgery)
{
    public PortalPageContext For(HttpContext context, UiLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = context.User;
        var name = user.FindFirst("name")?.Value ?? user.FindFirst("sub")?.Value ?? "";
        var returnUrl = context.Request.Path + context.Request.QueryString;
        return new PortalPageContext(new ReaderFormat(language ?? PortalLanguage.Resolve(context.Request)), name, tokens.RequestToken ?? "", returnUrl);
    }
}
