using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>
/// Debian's chromium driven by Playwright. Playwright cannot download its own browser here, so it is pointed at the
/// system executable (installed by deploy/install-deps.sh). The private CA's certificates are accepted in the browser
/// context only: TLS itself is tested elsewhere with curl and openssl against the same CA.
/// </summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private PortalBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<PortalBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return new PortalBrowser(playwright, browser);
    }

    public Task<IBrowserContext> NewContextAsync(string locale) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        IgnoreHTTPSErrors = true,
        Locale = locale,
        AcceptDownloads = true,
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
