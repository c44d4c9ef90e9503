using System.Globalization;
using System.Text.Json;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.TestSupport.Security;
using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>
/// The research page as a researcher uses it, against `ampacds serve`: a simulated cohort (the cheap path, no DICOM)
/// is analysed and published with `cohort analyze --publish` under the researcher's token, the researcher signs in and
/// reads the same numbers as the analysis JSON, with the plots; a psychiatrist can neither publish nor open the page.
/// </summary>
public sealed class ResearchPageBrowserTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-research-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _dicomPort = FreePort.Next();
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ServiceProcess? _server;

    private string PortalUrl => $"http://127.0.0.1:{_httpPort.ToString(CultureInfo.InvariantCulture)}";

    private string GrpcUrl => $"http://127.0.0.1:{_grpcPort.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        var users = Path.Combine(_folder, "data", "auth", "users.json");
        await CliAsync(Password, "auth", "add-user", "--users", users, "--user", TestUsers.Researcher, "--role", "researcher");
        await CliAsync(Password, "auth", "add-user", "--users", users, "--user", TestUsers.Psychiatrist, "--role", "psychiatrist",
            "--dicom-name", TestUsers.PsychiatristDicomName);
        _server = ServiceProcess.Start("ampacds-serve", RepositoryPaths.CliAssembly,
            ["serve", "--data", Path.Combine(_folder, "data"), "--dicom-port", _dicomPort.ToString(CultureInfo.InvariantCulture),
             "--grpc-port", _grpcPort.ToString(CultureInfo.InvariantCulture), "--http-port", _httpPort.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string>(), Path.Combine(_folder, "logs"));
        await _server.WaitHealthyAsync($"{GrpcUrl}/health/ready", TimeSpan.FromSeconds(120), HttpVersionPolicy.RequestVersionExact);
    }

    private static Dictionary<string, string> Password => new() { ["AMPACDS_PASSWORD"] = TestUsers.Password };

    private static async Task<ProcessResult> CliAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var run = await ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), environment, arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private async Task<string> TokenAsync(string user, string role) =>
        (await CliAsync(Password, "auth", "token", "--user", user, "--role", role, "--issuer", PortalUrl)).StandardOutput.Trim();

    private Task<ProcessResult> PublishAsync(string token, string cohort, string title, params string[] extra) =>
        ProcessRunner.RunCliAsync(TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["AMPACDS_TOKEN"] = token },
            ["cohort", "analyze", "--cohort", cohort, "--json", "--publish", "--server", GrpcUrl, "--title", title, .. extra]);

    [Fact]
    public async Task A_researcher_publishes_an_analysis_and_reads_its_numbers_and_plots_and_a_psychiatrist_is_refused()
    {
        var cohort = Path.Combine(_folder, "study.csv");
        await CliAsync(new Dictionary<string, string>(), "cohort", "simulate", "--n", "83", "--seed", "7", "--composition", "study", "--followup", "--out", cohort);

        // Refusals: exit code 3 with the reason, nothing published.
        var anonymous = await PublishAsync("", cohort, "anonymous");
        Assert.True(anonymous.ExitCode == 3 && anonymous.StandardError.Contains("not authenticated", StringComparison.Ordinal), anonymous.ToString());
        var psychiatrist = await PublishAsync(await TokenAsync(TestUsers.Psychiatrist, "psychiatrist"), cohort, "psychiatrist");
        Assert.True(psychiatrist.ExitCode == 3 && psychiatrist.StandardError.Contains("not permitted", StringComparison.Ordinal), psychiatrist.ToString());

        var researcher = await TokenAsync(TestUsers.Researcher, "researcher");
        var pilot = await PublishAsync(researcher, cohort, "Pilot, without covariates");
        Assert.True(pilot.ExitCode == 0, pilot.ToString());
        var run = await PublishAsync(researcher, cohort, "Study composition, seed 7", "--covariates", "--out", Path.Combine(_folder, "analysis"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var published = System.Text.RegularExpressions.Regex.Match(run.StandardError, "published as analysis ([0-9a-f-]{36})");
        Assert.True(published.Success, run.ToString());
        var analysisId = published.Groups[1].Value;
        using var result = JsonDocument.Parse(run.StandardOutput);
        using var pilotResult = JsonDocument.Parse(pilot.StandardOutput);

        await using var browser = await PortalBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        try
        {
            await ReadAsResearcherAsync(context, page, analysisId, result.RootElement, pilotResult.RootElement);
        }
        catch
        {
            await PortalArtifacts.ScreenshotAsync(page, "research-failure");
            await File.WriteAllTextAsync(Path.Combine(PortalArtifacts.Folder, "research-failure.html"), await page.ContentAsync());
            throw;
        }

        await using var other = await browser.NewContextAsync("en-GB");
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync(PortalUrl + "/portal");
        await PortalSignIn.SignInAsync(otherPage, TestUsers.Psychiatrist, TestUsers.Password);
        await Assertions.Expect(otherPage.Locator("nav a[href='/portal/research']")).ToHaveCountAsync(0);
        var refused = await otherPage.GotoAsync($"{PortalUrl}/portal/research");
        Assert.Equal(403, refused!.Status);
        var plot = await other.APIRequest.GetAsync($"{PortalUrl}/portal/research/analyses/{analysisId}/group-comparison.png",
            new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(403, plot.Status);
    }

    private async Task ReadAsResearcherAsync(IBrowserContext context, IPage page, string analysisId, JsonElement result, JsonElement pilot)
    {
        await page.GotoAsync(PortalUrl + "/portal/research");
        await PortalSignIn.SignInAsync(page, TestUsers.Researcher, TestUsers.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cohort analyses", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("research-current")).ToHaveAttributeAsync("data-analysis", analysisId);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Study composition, seed 7" })).ToBeVisibleAsync();

        // Every region's row says what the analysis JSON says.
        var rows = result.GetProperty("groupComparison").EnumerateArray().ToList();
        var fdrLevel = result.GetProperty("fdrLevel").GetDouble();
        Assert.Equal(18, rows.Count);
        await Assertions.Expect(page.Locator("[data-testid='research-headline'] tbody tr")).ToHaveCountAsync(rows.Count);
        foreach (var row in rows)
        {
            var region = page.Locator($"tr[data-region='{row.GetProperty("region").GetString()}']");
            var g = row.GetProperty("g").GetDouble();
            Assert.Equal($"{Signed(g)} [{Signed(row.GetProperty("gLower").GetDouble())}, {Signed(row.GetProperty("gUpper").GetDouble())}]",
                (await region.GetByTestId("g").InnerTextAsync()).Trim());
            Assert.Equal(row.GetProperty("q").GetDouble().ToString("G2", CultureInfo.InvariantCulture), (await region.GetByTestId("q").InnerTextAsync()).Trim());
            var adjustedQ = row.GetProperty("adjustedQ").GetDouble();
            Assert.Equal(adjustedQ.ToString("G2", CultureInfo.InvariantCulture), (await region.GetByTestId("q-adjusted").InnerTextAsync()).Trim());
            var direction = (await region.GetByTestId("direction").InnerTextAsync()).Trim();
            Assert.StartsWith(row.GetProperty("difference").GetDouble() > 0 ? "higher" : "lower", direction, StringComparison.Ordinal);
            Assert.Equal(adjustedQ < fdrLevel, direction.EndsWith("(significant)", StringComparison.Ordinal));
        }

        // The plots are the published PNGs, served by the gateway.
        var plots = page.Locator("img[data-plot]");
        await Assertions.Expect(plots).ToHaveCountAsync(6);
        Assert.Equal("group-comparison", await plots.First.GetAttributeAsync("data-plot"));
        foreach (var image in await plots.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            var width = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            Assert.True(width > 100, $"{await image.GetAttributeAsync("data-plot")} did not load (naturalWidth {width})");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await PortalArtifacts.ScreenshotAsync(page, "research-en");

        // The summary page as the CLI wrote it, sandboxed.
        var summary = await context.APIRequest.GetAsync($"{PortalUrl}/portal/research/analyses/{analysisId}/summary.html");
        Assert.Equal(200, summary.Status);
        Assert.StartsWith("sandbox;", summary.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_folder, "analysis", "summary.html")), await summary.TextAsync());

        // The earlier analysis, from the list.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pilot, without covariates" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pilot, without covariates" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='research-list'] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("q-adjusted")).ToHaveCountAsync(0);

        // Japanese, through the language menu: headings, regions and directions; the numbers stay as they are.
        await page.GetByLabel("Language").SelectOptionAsync("ja");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TRD 対 健常対照：領域ごとのベースライン SUVR" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-region='frontal_cortex'] th")).ToHaveTextAsync("前頭皮質");
        var insula = pilot.GetProperty("groupComparison").EnumerateArray().Single(row => row.GetProperty("region").GetString() == "posterior_insula");
        var expected = (insula.GetProperty("difference").GetDouble() > 0 ? "高い" : "低い")
            + (insula.GetProperty("q").GetDouble() < pilot.GetProperty("fdrLevel").GetDouble() ? " (有意)" : "");
        await Assertions.Expect(page.Locator("tr[data-region='posterior_insula'] [data-testid='direction']")).ToHaveTextAsync(expected);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("F2", CultureInfo.InvariantCulture);

    public Task DisposeAsync() => ServerTeardown.StopAndDeleteAsync(_server, _folder);
}
