using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Normative;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Quantification;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds quantify DIR --json`: the Quantification service's computation, offline, on a folder.</summary>
public static class QuantifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "Folder with the PET series (DICOM Part 10 files)" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only format for now)" };
        var reference = new Option<string>("--reference") { Description = "SUVR reference region", DefaultValueFactory = _ => "whole_brain" };
        var normdb = new Option<string>("--normdb") { Description = "Normative database JSON (default: the shipped synthetic one measured under --pvc: gtm has its own, rbv has none)" };
        var maps = new Option<string>("--maps") { Description = "Folder to write the SUV, SUVR and z maps (NIfTI, template space) into" };
        var pvc = PartialVolumeArguments.MethodOption();
        var fwhm = PartialVolumeArguments.FwhmOption();
        var command = new Command("quantify", "Regional SUV, SUVR and z-scores of a PET series, with registration quality") { folder, json, reference, normdb, maps, pvc, fwhm };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var options = new QuantificationOptions
            {
                ReferenceRegion = parse.GetValue(reference)!,
                PartialVolume = PartialVolumeArguments.Read(parse, pvc, fwhm),
            };
            var normative = LoadNormative(parse.GetValue(normdb), PartialVolumeMethods.Parse(options.PartialVolume.Method));
            var datasets = SeriesFolder.Read(parse.GetValue(folder)!).Select(file => file.File.Dataset).ToList();
            var quantifier = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options, normative);
            var result = quantifier.Quantify(PetSeriesLoader.Load(datasets));
            if (parse.GetValue(maps) is { } mapFolder)
            {
                WriteMaps(result.Maps, mapFolder);
            }
            JsonOutput.Print(new
            {
                regions = result.Regions,
                referenceRegion = result.ReferenceRegion,
                referenceSuvMean = result.ReferenceSuvMean,
                registration = result.Registration,
                normativeDatabase = result.Normative,
                partialVolume = result.PartialVolume,
                suvBodyWeightFactor = result.Suv.Factor,
                suvReferenceTimeRule = result.Suv.ReferenceTimeRule,
                atlasVersion = result.AtlasVersion,
                elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds),
            });
            return Task.FromResult(0);
        }));
        return command;
    }

    private static ActiveNormativeDatabase LoadNormative(string? path, PartialVolumeMethod correction)
    {
        try
        {
            return ActiveNormativeDatabase.Load(path, correction);
        }
        catch (NormativeDataException error)
        {
            throw new CliFailure(error.Message, CliRunner.InputError);
        }
    }

    private static void WriteMaps(TemplateSpaceMaps maps, string folder)
    {
        Directory.CreateDirectory(folder);
        NiftiWriter.Write(maps.Suv, Path.Combine(folder, "suv.nii.gz"));
        NiftiWriter.Write(maps.Suvr, Path.Combine(folder, "suvr.nii.gz"));
        if (maps.Z is not null)
        {
            NiftiWriter.Write(maps.Z, Path.Combine(folder, "z.nii.gz"));
        }
    }
}
