namespace AmpaCds.Deployment.Tests;

/// <summary>
/// deploy/prometheus/alerts.yml through Debian's promtool: the rules parse, and each alert fires (or stays quiet) on the
/// synthetic series of alerts.test.yml as an operator would expect.
/// </summary>
public sealed class PrometheusRulesTests
{
    private static readonly string Folder = Path.Combine(Yaml.Root, "deploy", "prometheus");

    [Fact]
    public void AlertRulesAreValidAndNameEveryAlertTheRunbookDescribes()
    {
        var check = ScriptRun.Start("promtool", ["check", "rules", Path.Combine(Folder, "alerts.yml")], new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("SUCCESS: 12 rules found", check.Output, StringComparison.Ordinal);
        var runbook = File.ReadAllText(Path.Combine(Yaml.Root, "docs", "OPERATIONS.md"));
        var alerts = File.ReadAllLines(Path.Combine(Folder, "alerts.yml"))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- alert: ", StringComparison.Ordinal))
            .Select(line => line["- alert: ".Length..])
            .ToList();
        Assert.Equal(12, alerts.Count);
        Assert.All(alerts, alert => Assert.Contains(alert, runbook, StringComparison.Ordinal));
    }

    [Fact]
    public void AlertRuleUnitTestsPass()
    {
        var run = ScriptRun.Start("promtool", ["test", "rules", Path.Combine(Folder, "alerts.test.yml")], new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SUCCESS", run.Output + run.Error, StringComparison.Ordinal);
    }
}
