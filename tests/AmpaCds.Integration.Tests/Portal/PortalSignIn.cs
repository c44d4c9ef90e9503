using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>Fills the issuer's sign-in form as a person does and waits to be back in the portal.</summary>
public static class PortalSignIn
{
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.WaitForURLAsync("**/account/login**");
        await page.Locator("input[name='username']").FillAsync(user);
        await page.Locator("input[name='password']").FillAsync(password);
        await page.Locator("form button[type='submit']").ClickAsync();
        await page.WaitForURLAsync("**/portal**");
    }
}
