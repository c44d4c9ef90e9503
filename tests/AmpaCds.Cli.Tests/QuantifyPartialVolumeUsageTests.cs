using System.CommandLine;
using AmpaCds.Cli.Commands;
using AmpaCds.Cli.Output;

namespace AmpaCds.Cli.Tests;

/// <summary>`ampacds quantify DIR --pvc X [--fwhm MM]`: an unknown method or resolution is a usage error (exit 2) naming what is allowed.</summary>
public sealed class QuantifyPartialVolumeUsageTests
{
    [Theory]
    [InlineData("pvc", null, "--pvc must be one of none, gtm, rbv, not 'pvc'")]
    [InlineData("gtm", "0", "--fwhm must be more than 0 and less than 20 mm, not 0")]
    [InlineData("rbv", "25", "--fwhm must be more than 0 and less than 20 mm, not 25")]
    public void AnInvalidValueIsAUsageError(string method, string? fwhm, string message)
    {
        var (parse, pvc, width) = Parse(method, fwhm);

        var failure = Assert.Throws<CliFailure>(() => PartialVolumeArguments.Read(parse, pvc, width));

        Assert.Equal(CliRunner.InputError, failure.ExitCode);
        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void AValidMethodAndResolutionBecomeTheOptions()
    {
        var (parse, pvc, width) = Parse("GTM", "4.5");

        var options = PartialVolumeArguments.Read(parse, pvc, width);

        Assert.Equal("gtm", options.Method);
        Assert.Equal(4.5, options.FwhmMm);
    }

    private static (ParseResult Parse, Option<string> Method, Option<double?> Fwhm) Parse(string method, string? fwhm)
    {
        var pvc = PartialVolumeArguments.MethodOption();
        var width = PartialVolumeArguments.FwhmOption();
        var command = new RootCommand { pvc, width };
        string[] args = fwhm is null ? ["--pvc", method] : ["--pvc", method, "--fwhm", fwhm];
        return (command.Parse(args), pvc, width);
    }
}
