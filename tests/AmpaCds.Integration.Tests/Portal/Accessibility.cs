using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AmpaCds.Integration.Tests.Portal;

/// <summary>axe-core on the page as rendered; serious and critical violations fail the test with their rule and target.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(violation =>
            $"{violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")));
    }
}
