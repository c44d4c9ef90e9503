using System.Net;
using AmpaCds.Reporting.Identity;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.Portal.Authentication;
using AmpaCds.Security.Access;
using AmpaCds.TestSupport.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AmpaCds.Access.Tests;

/// <summary>
/// A person signs in to the portal through the local issuer with the authorization code flow, step by step as a
/// browser sees it, and the refusals on the way: missing or plain PKCE, a foreign redirect_uri, wrong passwords,
/// open redirects, a missing role; and signing out.
/// </summary>
public sealed class PortalSignInTests(PortalSystem system) : IClassFixture<PortalSystem>
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    [Fact]
    public async Task A_psychiatrist_signs_in_through_the_whole_flow_and_sees_their_name()
    {
        using var browser = new PortalBrowser();

        var page = await browser.GetAsync(system.Address + PortalSystem.PagePath);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(InteractiveAuthorization.AuthorizePath, page.Location!.AbsolutePath);
        Assert.Equal("S256", page.Query("code_challenge_method"));
        Assert.Equal("ampacds-portal", page.Query("client_id"));
        Assert.Equal(system.Address + "/signin-oidc", page.Query("redirect_uri"));

        var authorize = await browser.FollowAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, authorize.Status);
        Assert.Equal(LoginEndpoint.Path, authorize.Location!.AbsolutePath);
        Assert.StartsWith(InteractiveAuthorization.AuthorizePath + "?", authorize.Query("returnUrl"), StringComparison.Ordinal);

        var login = await browser.FollowAsync(authorize);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Contains("<html lang=\"en\">", login.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", login.Body, StringComparison.Ordinal);

        var posted = await browser.PostAsync(system.Address + LoginEndpoint.Path, Form(login, TestUsers.Psychiatrist, TestUsers.Password));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(InteractiveAuthorization.AuthorizePath, posted.Location!.AbsolutePath);

        var code = await browser.FollowAsync(posted);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        Assert.Equal("/signin-oidc", code.Location!.AbsolutePath);
        Assert.NotEmpty(code.Query("code"));

        var callback = await browser.FollowAsync(code);
        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.Equal(PortalSystem.PagePath, callback.Location!.AbsolutePath);
        Assert.True(browser.HasCookie(system.Address, PortalAuthentication.CookieName));

        var signedIn = await browser.FollowAsync(callback);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.Equal(PortalSystem.PsychiatristDisplayName, signedIn.Element("name"));

        var idToken = new JsonWebToken(signedIn.Element("id-token"));
        Assert.Equal(TestUsers.Psychiatrist, idToken.Subject);
        Assert.Equal([Roles.Psychiatrist], idToken.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value));
        Assert.Equal(TestUsers.PsychiatristDicomName, idToken.GetClaim(AmpaCdsClaims.DicomName).Value);
        Assert.Equal(["ampacds-portal"], idToken.Audiences);
        var accessToken = new JsonWebToken(signedIn.Element("access-token"));
        Assert.Equal(["ampacds"], accessToken.Audiences);
        Assert.Equal([Roles.Psychiatrist], accessToken.Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value));
        Assert.Equal(TestUsers.PsychiatristDicomName, accessToken.GetClaim(AmpaCdsClaims.DicomName).Value);
    }

    [Fact]
    public async Task A_person_holding_every_role_gets_all_of_them_in_both_tokens()
    {
        using var browser = new PortalBrowser();
        var page = await SignInAsync(browser, TestUsers.Everything);

        foreach (var token in new[] { page.Element("id-token"), page.Element("access-token") })
        {
            Assert.Equal(Roles.People.Order(StringComparer.Ordinal),
                new JsonWebToken(token).Claims.Where(claim => claim.Type == AmpaCdsClaims.Role).Select(claim => claim.Value).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_person_without_the_role_gets_a_403_page_saying_so()
    {
        using var browser = new PortalBrowser();
        var denied = await SignInAsync(browser, TestUsers.PacsAdmin, expectPage: false);

        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, UiText.Get("signin.denied.body", UiLanguage.English), TestUsers.PacsAdmin), denied.Element("denied-reason"));
    }

    [Fact]
    public async Task Signing_out_clears_the_portal_cookie_and_the_issuer_session()
    {
        using var browser = new PortalBrowser();
        var page = await SignInAsync(browser, TestUsers.Psychiatrist);

        var signOut = await browser.PostAsync(system.Address + PortalAuthentication.SignOutPath,
            new Dictionary<string, string> { [AntiforgeryField] = page.Input(AntiforgeryField) });
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(InteractiveAuthorization.EndSessionPath, signOut.Location!.AbsolutePath);
        Assert.False(browser.HasCookie(system.Address, PortalAuthentication.CookieName));

        var endSession = await browser.FollowAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, endSession.Status);
        Assert.Equal("/signout-callback-oidc", endSession.Location!.AbsolutePath);
        Assert.False(browser.HasCookie(system.Address, IssuerCookie.Name));
        var back = await browser.FollowAsync(endSession);
        Assert.Equal(PortalAuthentication.AfterSignOut, back.Location!.AbsolutePath);

        // The next visit has to sign in again: the issuer asks for the password, it does not issue a code silently.
        var again = await browser.FollowAsync(await browser.GetAsync(system.Address + PortalSystem.PagePath));
        Assert.Equal(LoginEndpoint.Path, again.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        using var browser = new PortalBrowser();
        await SignInAsync(browser, TestUsers.Psychiatrist);

        var signOut = await browser.PostAsync(system.Address + PortalAuthentication.SignOutPath, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, signOut.Status);
        Assert.True(browser.HasCookie(system.Address, PortalAuthentication.CookieName));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_message_and_are_audited()
    {
        using var browser = new PortalBrowser();
        var login = await LoginPageAsync(browser);

        var wrongPassword = await browser.PostAsync(system.Address + LoginEndpoint.Path, Form(login, TestUsers.Ops, "not the password"));
        var unknownUser = await browser.PostAsync(system.Address + LoginEndpoint.Path, Form(wrongPassword, "nobody-here", TestUsers.Password));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.OK, unknownUser.Status);
        Assert.Equal("The user name or password is not correct.", wrongPassword.Element("signin-error"));
        Assert.Equal(wrongPassword.Element("signin-error"), unknownUser.Element("signin-error"));
        Assert.False(browser.HasCookie(system.Address, IssuerCookie.Name));
        var refused = await WaitForAuditAsync(TestUsers.Ops, "AuthenticationRefused");
        Assert.Contains("wrong password", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("AuthenticationRefused", (await WaitForAuditAsync("nobody-here", "AuthenticationRefused")).Kind);
    }

    [Fact]
    public async Task A_successful_sign_in_is_audited_as_user_authenticated()
    {
        using var browser = new PortalBrowser();
        await SignInAsync(browser, TestUsers.Auditor, expectPage: false);

        var authenticated = await WaitForAuditAsync(TestUsers.Auditor, "UserAuthenticated");
        Assert.Equal(Roles.Auditor, authenticated.Roles);
    }

    [Fact]
    public async Task The_sign_in_page_speaks_japanese_when_asked()
    {
        using var browser = new PortalBrowser("ja-JP,ja;q=0.9,en;q=0.5");
        var login = await LoginPageAsync(browser);

        Assert.Contains("<html lang=\"ja\">", login.Body, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">ユーザー名</label>", WebUtility.HtmlDecode(login.Body), StringComparison.Ordinal);
        var english = await browser.GetAsync(system.Address + LoginEndpoint.Path + "?lang=en");
        Assert.Contains("<html lang=\"en\">", english.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "")]
    [InlineData("plain", "challenge-challenge-challenge-challenge-challenge")]
    public async Task An_authorization_request_without_S256_PKCE_gets_no_code(string? method, string challenge)
    {
        using var browser = new PortalBrowser();
        await SignInAtIssuerAsync(browser, TestUsers.Psychiatrist);
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = "ampacds-portal", ["redirect_uri"] = system.Address + "/signin-oidc", ["response_type"] = "code",
            ["scope"] = "openid profile", ["state"] = "s", ["nonce"] = "n",
        };
        if (method is not null)
        {
            parameters["code_challenge_method"] = method;
        }
        if (challenge.Length > 0)
        {
            parameters["code_challenge"] = challenge;
        }

        var answer = await browser.GetAsync(QueryHelpers.AddQueryString(system.Address + InteractiveAuthorization.AuthorizePath, parameters));

        // Refused on the spot with an OAuth error: no redirect, so no code.
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Null(answer.Location);
        Assert.Contains("error:invalid_request", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ampacds-portal", "https://attacker.example/signin-oidc", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("ampacds-portal", "http://127.0.0.1:1/signin-oidc", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("not-a-client", "https://attacker.example/signin-oidc", HttpStatusCode.Unauthorized, "invalid_client")]
    public async Task An_unknown_client_or_redirect_uri_is_refused_without_redirecting_to_it(string clientId, string redirectUri, HttpStatusCode status, string error)
    {
        using var browser = new PortalBrowser();
        await SignInAtIssuerAsync(browser, TestUsers.Psychiatrist);

        var answer = await browser.GetAsync(QueryHelpers.AddQueryString(system.Address + InteractiveAuthorization.AuthorizePath, new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid",
            ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", ["code_challenge_method"] = "S256",
        }));

        Assert.Equal(status, answer.Status);
        Assert.Null(answer.Location);
        Assert.Contains("error:" + error, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("//attacker.example/")]
    [InlineData("/\\attacker.example/")]
    public async Task The_login_page_refuses_a_return_url_outside_this_host(string returnUrl)
    {
        using var browser = new PortalBrowser();
        var shown = await browser.GetAsync(QueryHelpers.AddQueryString(system.Address + LoginEndpoint.Path, "returnUrl", returnUrl));
        Assert.Equal(HttpStatusCode.BadRequest, shown.Status);
        Assert.Equal(UiText.Get("signin.bad-return", UiLanguage.English), shown.Element("signin-error"));

        var login = await LoginPageAsync(browser);
        var form = Form(login, TestUsers.Psychiatrist, TestUsers.Password);
        form["returnUrl"] = returnUrl;
        var posted = await browser.PostAsync(system.Address + LoginEndpoint.Path, form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Null(posted.Location);
        Assert.False(browser.HasCookie(system.Address, IssuerCookie.Name));
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_signs_no_one_in()
    {
        using var browser = new PortalBrowser();
        var login = await LoginPageAsync(browser);
        var form = Form(login, TestUsers.Psychiatrist, TestUsers.Password);
        form.Remove(AntiforgeryField);

        var posted = await browser.PostAsync(system.Address + LoginEndpoint.Path, form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.False(browser.HasCookie(system.Address, IssuerCookie.Name));
    }

    private async Task<PortalBrowser.Page> LoginPageAsync(PortalBrowser browser)
    {
        var login = await browser.GetAsync(system.Address + LoginEndpoint.Path + "?returnUrl=%2Fportal");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        return login;
    }

    private async Task SignInAtIssuerAsync(PortalBrowser browser, string user)
    {
        var posted = await browser.PostAsync(system.Address + LoginEndpoint.Path, Form(await LoginPageAsync(browser), user, TestUsers.Password));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
    }

    /// <summary>The whole flow from the protected page back to it; the last answer (the page, or the refusal).</summary>
    private async Task<PortalBrowser.Page> SignInAsync(PortalBrowser browser, string user, bool expectPage = true)
    {
        var login = await browser.FollowAsync(await browser.FollowAsync(await browser.GetAsync(system.Address + PortalSystem.PagePath)));
        var posted = await browser.PostAsync(system.Address + LoginEndpoint.Path, Form(login, user, TestUsers.Password));
        var page = await browser.FollowAsync(await browser.FollowAsync(await browser.FollowAsync(posted)));
        if (expectPage)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
        return page;
    }

    private static Dictionary<string, string> Form(PortalBrowser.Page login, string user, string password) => new()
    {
        [AntiforgeryField] = login.Input(AntiforgeryField),
        ["returnUrl"] = login.Input("returnUrl"),
        ["username"] = user,
        ["password"] = password,
    };

    private async Task<Reporting.Persistence.AuditEventEntity> WaitForAuditAsync(string user, string kind)
    {
        // The audit event travels through the outbox and the in-memory bus to the repository: bounded wait.
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if ((await system.AuditEventsAsync(user)).FirstOrDefault(entry => entry.Kind == kind) is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"no {kind} audit event for {user} within 30 s");
    }
}
