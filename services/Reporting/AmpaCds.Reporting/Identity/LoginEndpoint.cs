using System.Security.Claims;
using AmpaCds.Reporting.Identity.Pages;
using AmpaCds.Reporting.Localization;
using AmpaCds.Security.Access;
using AmpaCds.Security.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The local issuer's sign-in page (GET shows the form, POST checks the name and password). A wrong password and an
/// unknown name get the same message and take the same time (LocalDirectory's decoy hash); both are audited as a
/// refused authentication, a success as UserAuthenticated. Success sets the issuer cookie and goes back to the
/// authorization request, which must be a local URL.
/// </summary>
public sealed class LoginEndpoint(LocalDirectory directory, IAntiforgery antiforgery, IAuditTrail trail, TimeProvider clock)
{
    public const string Path = "/account/login";
    public const string ReturnUrlParameter = "returnUrl";

    // Where a sign-in without a pending authorization request lands (the login page opened by hand, or after sign-out).
    private const string DefaultReturnUrl = "/portal";

    public IResult Show(HttpContext context)
    {
        var language = ChooseAndRemember(context);
        string? returnUrl = context.Request.Query[ReturnUrlParameter];
        returnUrl = string.IsNullOrEmpty(returnUrl) ? DefaultReturnUrl : returnUrl;
        if (!LocalReturnUrl.IsLocal(returnUrl))
        {
            return Page(context, language, "", "", "signin.bad-return", StatusCodes.Status400BadRequest, showForm: false);
        }
        return Page(context, language, returnUrl, "", null, StatusCodes.Status200OK);
    }

    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken cancellation)
    {
        var form = await context.Request.ReadFormAsync(cancellation);
        var language = ChooseAndRemember(context);
        string returnUrl = form[ReturnUrlParameter].ToString() is { Length: > 0 } given ? given : DefaultReturnUrl;
        if (!LocalReturnUrl.IsLocal(returnUrl))
        {
            await AuditAsync(context, AuditEventKind.AuthenticationRefused, AuditOutcome.MinorFailure, null, [], "sign-in form with a non-local returnUrl", cancellation);
            return Page(context, language, "", "", "signin.bad-return", StatusCodes.Status400BadRequest, showForm: false);
        }
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, language, returnUrl, "", "signin.bad-form", StatusCodes.Status400BadRequest);
        }
        string? name = form["username"];
        var user = directory.SignIn(name, form["password"]);
        if (user is null)
        {
            await AuditAsync(context, AuditEventKind.AuthenticationRefused, AuditOutcome.MinorFailure, name, [], "unknown user or wrong password (sign-in page)", cancellation);
            return Page(context, language, returnUrl, name ?? "", "signin.failed", StatusCodes.Status200OK);
        }
        await AuditAsync(context, AuditEventKind.UserAuthenticated, AuditOutcome.Success, user.Name, user.Roles, "signed in at the sign-in page", cancellation);
        var identity = new ClaimsIdentity(IssuerCookie.Scheme, AmpaCdsClaims.Subject, AmpaCdsClaims.Role);
        identity.AddClaim(new Claim(AmpaCdsClaims.Subject, user.Name));
        await context.SignInAsync(IssuerCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    private static UiLanguage ChooseAndRemember(HttpContext context)
    {
        var language = SignInLanguage.Choose(context.Request);
        if (context.Request.Query.ContainsKey(SignInLanguage.Parameter))
        {
            SignInLanguage.Remember(context, language);
        }
        return language;
    }

    private IResult Page(HttpContext context, UiLanguage language, string returnUrl, string userName, string? message, int status, bool showForm = true)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        // The sign-in form must not be framed by another site (clickjacking) nor cached with a user name in it.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        return new RazorComponentResult<LoginPage>(new Dictionary<string, object?>
        {
            [nameof(LoginPage.Language)] = language,
            [nameof(LoginPage.ReturnUrl)] = returnUrl,
            [nameof(LoginPage.UserName)] = userName,
            [nameof(LoginPage.Message)] = message,
            [nameof(LoginPage.ShowForm)] = showForm,
            [nameof(LoginPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(LoginPage.AntiforgeryToken)] = tokens.RequestToken ?? "",
        })
        { StatusCode = status };
    }

    private Task AuditAsync(HttpContext context, AuditEventKind kind, AuditOutcome outcome, string? subject, IEnumerable<string> roles, string detail,
        CancellationToken cancellation) =>
        trail.RecordAsync(new AuditEvent(kind, outcome, clock.GetUtcNow(),
            new AuditActor(string.IsNullOrEmpty(subject) ? AuditActor.Anonymous : subject, roles.ToArray(), context.Connection.RemoteIpAddress?.ToString()),
            [new AuditObject(AuditObjectKind.Node, $"POST {Path}")], detail), cancellation);
}
