using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Quantification;

namespace AmpaCds.Cli.Commands;

/// <summary>`--pvc none|gtm|rbv [--fwhm MM]`, shared by `quantify` and `normdb build` so both measure the same way.</summary>
public static class PartialVolumeArguments
{
    public static Option<string> MethodOption() => new("--pvc")
    {
        Description = "Partial-volume correction: none, gtm (geometric transfer matrix) or rbv (region-based voxel-wise)",
        DefaultValueFactory = _ => PartialVolumeMethods.NoneName,
    };

    public static Option<double?> FwhmOption() => new("--fwhm")
    {
        Description = "The scanner's effective resolution in mm FWHM for --pvc (default 5)",
    };

    /// <summary>The options, or a usage failure naming the allowed values (exit code 2) for an unknown method or resolution.</summary>
    public static PartialVolumeOptions Read(ParseResult parse, Option<string> method, Option<double?> fwhm)
    {
        var options = new PartialVolumeOptions { Method = ReadMethod(parse, method).Name() };
        if (parse.GetValue(fwhm) is { } mm)
        {
            if (!(mm is > 0 and < 20))
            {
                throw new CliFailure($"--fwhm must be more than 0 and less than 20 mm, not {mm}", CliRunner.InputError);
            }

            options.FwhmMm = mm;
        }

        return options;
    }

    /// <summary>The method alone (commands without a resolution, such as `cohort simulate`); unknown names exit 2.</summary>
    public static PartialVolumeMethod ReadMethod(ParseResult parse, Option<string> method)
    {
        var name = parse.GetValue(method);
        return PartialVolumeMethods.TryParse(name, out var parsed)
            ? parsed
            : throw new CliFailure($"--pvc must be one of {string.Join(", ", PartialVolumeMethods.Names)}, not '{name}'", CliRunner.InputError);
    }
}
