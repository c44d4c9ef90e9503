using System.CommandLine;
using AmpaCds.Cli.Commands;
using AmpaCds.Cli.Output;
using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Cli.Tests;

/// <summary>`ampacds report` refuses usage mistakes before it connects: exit 2 and a message naming what is allowed.</summary>
public sealed class ReportCommandUsageTests
{
    [Fact]
    public void Pdf_without_an_output_file_is_a_usage_error()
    {
        var failure = Assert.Throws<CliFailure>(() => ReportRequestArguments.Parse("pdf", "ja", null));

        Assert.Equal(CliRunner.InputError, failure.ExitCode);
        Assert.Equal("--format pdf needs --out FILE", failure.Message);
    }

    [Fact]
    public void An_unknown_language_names_the_allowed_values()
    {
        var failure = Assert.Throws<CliFailure>(() => ReportRequestArguments.Parse("html", "fr", null));

        Assert.Equal(CliRunner.InputError, failure.ExitCode);
        Assert.Equal("unknown --lang 'fr': use en or ja", failure.Message);
    }

    [Theory]
    [InlineData("pdf", "ja", "r.pdf", ReportFormat.Pdf, "ja", "r.pdf")]
    [InlineData("html", "JA", null, ReportFormat.Html, "ja", null)]
    [InlineData("json", null, null, ReportFormat.Json, "en", null)]
    public void Valid_arguments_become_the_request(string format, string? language, string? output, ReportFormat expectedFormat, string expectedLanguage,
        string? expectedOutput) =>
        Assert.Equal(new ReportRequestArguments(expectedFormat, expectedLanguage, expectedOutput), ReportRequestArguments.Parse(format, language, output));

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--lang", "de")]
    public async Task The_command_exits_with_2_before_connecting(string option, string value)
    {
        // Port 9 (discard) on loopback: were the command to connect, it would fail with exit 3 instead.
        var root = new RootCommand { ReportCommand.Create(TimeProvider.System) };

        var exit = await root.Parse(["report", "--study", "1.2.3", "--server", "http://127.0.0.1:9", option, value]).InvokeAsync();

        Assert.Equal(CliRunner.InputError, exit);
    }
}
