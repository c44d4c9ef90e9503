using System.Net;
using System.Text.RegularExpressions;

namespace AmpaCds.Access.Tests;

/// <summary>
/// A browser as far as the sign-in flow needs one: a cookie jar, redirects seen one by one (never followed
/// automatically), relative Location headers resolved against the request.
/// </summary>
public sealed partial class PortalBrowser : IDisposable
{
    private readonly HttpClient _http;

    public PortalBrowser(string acceptLanguage = "en")
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
    }

    public CookieContainer Cookies { get; }

    public Task<Page> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Page> PostAsync(string url, IDictionary<string, string> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

    /// <summary>Follows one redirect and asserts that there was one.</summary>
    public Task<Page> FollowAsync(Page page)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"expected a 302 from {page.Url}, got {(int)page.Status}: {page.Body}");
        return GetAsync(page.Location!.ToString());
    }

    public bool HasCookie(string address, string name) => Cookies.GetCookies(new Uri(address)).Any(cookie => cookie.Name.StartsWith(name, StringComparison.Ordinal));

    public void Dispose() => _http.Dispose();

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            var location = response.Headers.Location is { } given ? new Uri(request.RequestUri!, given) : null;
            return new Page(request.RequestUri!, response.StatusCode, location, await response.Content.ReadAsStringAsync());
        }
    }

    public sealed record Page(Uri Url, HttpStatusCode Status, Uri? Location, string Body)
    {
        /// <summary>The value of a form's hidden or text input, HTML-decoded.</summary>
        public string Input(string name)
        {
            var match = Regex.Match(Body, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
            Assert.True(match.Success, $"no input '{name}' in {Url}: {Body}");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        /// <summary>The text of the element with this id, HTML-decoded.</summary>
        public string? Element(string id)
        {
            var match = Regex.Match(Body, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<");
            return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        }

        public string Query(string name) =>
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Location?.Query).TryGetValue(name, out var value) ? value.ToString() : "";
    }
}
