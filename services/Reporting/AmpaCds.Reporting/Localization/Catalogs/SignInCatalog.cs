namespace AmpaCds.Reporting.Localization.Catalogs;

/// <summary>Texts of the sign-in page at the local issuer and of the portal's refusal page.</summary>
internal static class SignInCatalog
{
    public static IReadOnlyList<TextEntry> Entries { get; } =
    [
        new("signin.title", "Sign in – AmpaCds", "サインイン – AmpaCds"),
        new("signin.heading", "Sign in", "サインイン"),
        new("signin.username", "User name", "ユーザー名"),
        new("signin.password", "Password", "パスワード"),
        new("signin.submit", "Sign in", "サインイン"),
        // One message for an unknown name and a wrong password: the page must not tell which names exist.
        new("signin.failed", "The user name or password is not correct.", "ユーザー名またはパスワードが正しくありません。"),
        new("signin.language", "Language", "言語"),
        new("signin.bad-return", "This sign-in link is not valid. Open the portal again to sign in.",
            "このサインインのリンクは無効です。ポータルを開き直してサインインしてください。"),
        new("signin.bad-form", "The sign-in form has expired. Please try again.", "サインインフォームの有効期限が切れました。もう一度お試しください。"),
        new("signin.signed-out", "You have signed out.", "サインアウトしました。"),
        new("signin.denied.title", "Not permitted – AmpaCds", "権限がありません – AmpaCds"),
        new("signin.denied.heading", "Not permitted", "権限がありません"),
        new("signin.denied.body", "You are signed in as {0}, but your account does not have a role that may open this page.",
            "{0} としてサインインしていますが、このページを開く権限（ロール）がありません。"),
        new("signin.signout", "Sign out", "サインアウト"),
    ];
}
