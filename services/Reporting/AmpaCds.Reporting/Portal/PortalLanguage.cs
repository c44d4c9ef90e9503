using AmpaCds.Reporting.Localization;
using Microsoft.AspNetCore.Http;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// The reader's language: an explicit `lang` query value (exports), else the person's own choice (a cookie set from
/// the language menu), else the browser's Accept-Language order, else English.
/// </summary>
public static class PortalLanguage
{
    public const string CookieName = "ampacds-lang";

    public static UiLanguage Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (UiLanguages.Parse(request.Query["lang"]) is { } asked)
        {
            return asked;
        }
        if (UiLanguages.Parse(request.Cookies[CookieName]) is { } chosen)
        {
            return chosen;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(value => value.Quality is null or > 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => UiLanguages.Parse(value.Value.Value))
            .FirstOrDefault(language => language is not null);
        return accepted ?? UiLanguage.English;
    }

    public static void Remember(HttpResponse response, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, language.Code(), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
    }
}
