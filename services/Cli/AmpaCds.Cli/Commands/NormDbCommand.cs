using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Imaging.Normative;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds normdb build --controls DIR [--controls DIR ...] | --controls-root DIR --out FILE [--age-adjust]`:
/// a versioned normative database from healthy-control series quantified by the service's own pipeline.
/// </summary>
public static class NormDbCommand
{
    public static Command Create(TimeProvider clock)
    {
        var controls = new Option<string[]>("--controls") { Description = "Folder of one healthy-control series (repeatable)", AllowMultipleArgumentsPerToken = false };
        var controlsRoot = new Option<string>("--controls-root") { Description = "Folder whose subfolders are one healthy-control series each" };
        var output = new Option<string>("--out") { Description = "Database JSON to write (voxel maps go beside it as NAME.mean/.sd.nii.gz)", Required = true };
        var ageAdjust = new Option<bool>("--age-adjust") { Description = "Fit SUVR linearly on age per region (needs every control's age)" };
        var version = new Option<string>("--version") { Description = "Version recorded in every result scored against it", DefaultValueFactory = _ => $"normdb-{clock.GetUtcNow():yyyyMMdd-HHmmss}" };
        var reference = new Option<string>("--reference") { Description = "SUVR reference region (patients must use the same)", DefaultValueFactory = _ => "whole_brain" };
        var pvc = PartialVolumeArguments.MethodOption();
        var fwhm = PartialVolumeArguments.FwhmOption();
        var build = new Command("build", "Builds a normative database from healthy-control series") { controls, controlsRoot, output, ageAdjust, version, reference, pvc, fwhm };
        build.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var folders = ControlFolders(parse.GetValue(controls) ?? [], parse.GetValue(controlsRoot));
            var options = new QuantificationOptions
            {
                ReferenceRegion = parse.GetValue(reference)!,
                PartialVolume = PartialVolumeArguments.Read(parse, pvc, fwhm),
            };
            var compiler = new NormativeDatabaseCompiler(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options);
            // Simulated studies carry truth.json; a database built from any of them is synthetic and must say so.
            var synthetic = folders.Any(folder => File.Exists(Path.Combine(folder, "truth.json")));
            try
            {
                foreach (var folder in folders)
                {
                    compiler.Add(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), SeriesFolder.Read(folder).Select(file => file.File.Dataset).ToList());
                }
                var description = synthetic
                    ? $"SYNTHETIC: {folders.Count} simulated healthy controls; not for clinical use"
                    : $"{folders.Count} healthy controls";
                var (database, maps) = compiler.Build(parse.GetValue(version)!, parse.GetValue(ageAdjust), synthetic, description, clock.GetUtcNow());
                var path = parse.GetValue(output)!;
                NormativeDatabaseFile.Write(database, maps, path);
                Console.Out.WriteLine($"normative database {database.Version}: {database.Controls} controls, {database.Regions.Count} regions, " +
                    $"{(database.Regions.Any(region => region.PooledSd) ? "pooled SD" : "regional SD")}{(synthetic ? ", SYNTHETIC" : "")} -> {Path.GetFullPath(path)}");
            }
            catch (NormativeDataException error)
            {
                throw new CliFailure(error.Message, CliRunner.InputError);
            }
            return Task.FromResult(0);
        }));
        return new Command("normdb", "Normative databases of healthy controls") { build };
    }

    private static IReadOnlyList<string> ControlFolders(string[] explicitFolders, string? root)
    {
        if (explicitFolders.Length > 0 == root is not null)
        {
            throw new CliFailure("give either --controls DIR (repeatable) or --controls-root DIR", CliRunner.InputError);
        }
        if (root is null)
        {
            return explicitFolders;
        }
        if (!Directory.Exists(root))
        {
            throw new CliFailure($"folder '{root}' does not exist", CliRunner.InputError);
        }
        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        return folders.Count > 0 ? folders : throw new CliFailure($"'{root}' has no control subfolders", CliRunner.InputError);
    }
}
