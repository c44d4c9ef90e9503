using System.Globalization;
using AmpaCds.Integration.Tests.Support;
using AmpaCds.Research.Simulation;
using AmpaCds.TestSupport.Security;
using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>
/// The psychiatrist's portal as a person uses it, in a real browser against the distributed shape (four processes,
/// RabbitMQ, PostgreSQL, TLS, the gateway's own OpenID Connect issuer): sign in, find the study sent by storescu on the
/// worklist, request a forecast with the clinical inputs, watch it arrive, read the report with its images, switch to
/// Japanese, download the PDF, record the outcome; accessibility checked with axe on every page.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class PortalBrowserTests(DistributedSystem system)
{
    private const string JapanesePatient = "Yamada^Taro=山田^太郎=やまだ^たろう";

    [Fact]
    public async Task A_psychiatrist_signs_in_requests_a_forecast_reads_the_report_in_japanese_and_downloads_the_pdf()
    {
        var folder = Path.Combine(system.Folder, "study-portal");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = 83, PatientId = "PORTAL-0083", PatientName = JapanesePatient }, folder);
        var sent = await ProcessRunner.RunDcmtkAsync("storescu", TimeSpan.FromMinutes(2), "-aet", "STORESCU", "-aec", "AMPACDS",
            "--scan-directories", "--scan-pattern", "*.dcm", "127.0.0.1", system.DicomPort.ToString(CultureInfo.InvariantCulture), folder);
        Assert.True(sent.ExitCode == 0, sent.ToString());
        await ReportClient.WaitForReportAsync(system.GrpcAddress, truth.StudyInstanceUid, TimeSpan.FromMinutes(3), system.Trust, system.Token);

        await using var browser = await PortalBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync("en-GB");
        var page = await context.NewPageAsync();
        var navigations = new List<string>();
        page.Response += (_, response) => { if (response.Request.IsNavigationRequest) { navigations.Add($"{response.Status} {response.Request.Method} {response.Url}"); } };
        try
        {
            await UsePortalAsync(browser, page, truth.StudyInstanceUid);
        }
        catch
        {
            // What the browser showed when it failed, for the person reading the test results.
            await PortalArtifacts.ScreenshotAsync(page, "failure");
            await File.WriteAllTextAsync(Path.Combine(PortalArtifacts.Folder, "failure.html"), await page.ContentAsync());
            await File.WriteAllLinesAsync(Path.Combine(PortalArtifacts.Folder, "failure-navigations.txt"), navigations);
            throw;
        }
    }

    private async Task UsePortalAsync(PortalBrowser browser, IPage page, string studyUid)
    {
        // Not signed in: the portal sends the browser to the issuer's sign-in page.
        await page.GotoAsync(system.IssuerUrl + "/portal");
        await PortalSignIn.SignInAsync(page, TestUsers.Psychiatrist, TestUsers.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My patients' studies" })).ToBeVisibleAsync();
        var row = page.Locator($"tr[data-study='{studyUid}']");
        await Assertions.Expect(row).ToContainTextAsync("Reported");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await PortalArtifacts.ScreenshotAsync(page, "worklist-en");

        // Search narrows the list to the patient.
        await page.GetByLabel("Patient name or ID").FillAsync("PORTAL-0083");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-study]")).ToHaveCountAsync(1);

        // Request a forecast with the clinical inputs; the page follows the run live until the new report is there.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Baseline MADRS (0–60)").FillAsync("31");
        await page.GetByLabel("Age (years)").FillAsync("47");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByTestId("request-forecast").ClickAsync();
        await page.WaitForURLAsync("**/portal/studies/**?done=requested");
        await Assertions.Expect(page.Locator(".banner-info")).ToContainTextAsync("Forecast requested");
        await Assertions.Expect(page.Locator(".study-head")).ToHaveAttributeAsync("data-stage", "Reported", new() { Timeout = 180_000 });
        var probability = await page.GetByTestId("probability").InnerTextAsync();
        Assert.Matches(@"^\d{1,3}\.\d%$", probability.Trim());
        Assert.Equal("31", await page.GetByLabel("Baseline MADRS (0–60)").InputValueAsync());

        // The brain images and charts are real images, rendered by the gateway.
        foreach (var figure in new[] { "SuvrSlices", "ZSlices", "RegistrationOverlay", "ZScoreChart", "ForecastInterval" })
        {
            var image = page.Locator($"img[data-figure='{figure}']");
            await image.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(image).ToBeVisibleAsync();
            var width = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            Assert.True(width > 100, $"{figure} did not load (naturalWidth {width})");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await PortalArtifacts.ScreenshotAsync(page, "report-en");

        // Record the follow-up outcome: Prediction answers with the observed change, under the psychiatrist's own token.
        await page.GetByLabel("Follow-up MADRS (0–60)").FillAsync("12");
        await page.GetByTestId("record-outcome").ClickAsync();
        await Assertions.Expect(page.Locator(".banner-info")).ToContainTextAsync("Outcome recorded: MADRS change -61.3 % (responder)");

        // Japanese: the language menu, every label, the patient name as the header holds it.
        await page.GetByLabel("Language").SelectOptionAsync("ja");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ケタミン反応性の予測（探索的）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ja");
        await Assertions.Expect(page.Locator(".header-grid")).ToContainTextAsync("山田 太郎");
        await Assertions.Expect(page.Locator("tr[data-region='frontal_cortex'] th")).ToHaveTextAsync("前頭皮質");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await PortalArtifacts.ScreenshotAsync(page, "report-ja");

        // The PDF, in Japanese, as the browser downloads it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF をダウンロード" }).ClickAsync());
        var pdf = Path.Combine(PortalArtifacts.Folder, "report-ja.pdf");
        await download.SaveAsAsync(pdf);
        var text = await ProcessRunner.RunAsync("pdftotext", ["-layout", pdf, "-"], TimeSpan.FromMinutes(1));
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("前頭皮質", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(probability.Trim().Replace(" ", "", StringComparison.Ordinal), text.StandardOutput.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Another psychiatrist signs in and is told the study is not theirs.
        await using var other = await browser.NewContextAsync("en-GB");
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync(system.IssuerUrl + "/portal");
        await PortalSignIn.SignInAsync(otherPage, TestUsers.OtherPsychiatrist, TestUsers.Password);
        await Assertions.Expect(otherPage.Locator($"tr[data-study='{studyUid}']")).ToHaveCountAsync(0);
        var refused = await otherPage.GotoAsync($"{system.IssuerUrl}/portal/studies/{studyUid}");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Not permitted" })).ToBeVisibleAsync();
    }
}
