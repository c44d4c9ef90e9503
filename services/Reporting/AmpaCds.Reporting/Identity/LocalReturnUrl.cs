namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The login page's returnUrl may only lead back into this host: "/path", never "//host", "/\host" or an absolute URL,
/// which would make the login page an open redirector for phishing.
/// </summary>
public static class LocalReturnUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
