using AmpaCds.Reporting.Localization;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The language of the sign-in pages: a `lang` query value or form field (the language links), then the `lang`
/// cookie, then the browser's Accept-Language in order of preference; English when none is known.
/// </summary>
public static class SignInLanguage
{
    public const string Parameter = "lang";

    public const string CookieName = "lang";

    public static UiLanguage Choose(HttpRequest request)
    {
        var asked = UiLanguages.Parse(request.Query[Parameter])
            ?? (request.HasFormContentType ? UiLanguages.Parse(request.Form[Parameter]) : null)
            ?? UiLanguages.Parse(request.Cookies[CookieName]);
        if (asked is { } language)
        {
            return language;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1);
        foreach (var value in accepted)
        {
            if (UiLanguages.Parse(value.Value.Value) is { } preferred)
            {
                return preferred;
            }
        }
        return UiLanguage.English;
    }

    /// <summary>Remembers a language chosen with the link, so the next page (and the portal) keeps it.</summary>
    public static void Remember(HttpContext context, UiLanguage language) =>
        context.Response.Cookies.Append(CookieName, language.Code(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
}
