using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Quantification;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds quantify DIR --json`: the Quantification service's computation, offline, on a folder.</summary>
public static class QuantifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "Folder with the PET series (DICOM Part 10 files)" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only format for now)" };
        var reference = new Option<string>("--reference") { Description = "SUVR reference region", DefaultValueFactory = _ => "whole_brain" };
        var command = new Command("quantify", "Regional SUV and SUVR of a PET series, with registration quality") { folder, json, reference };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var options = new QuantificationOptions { ReferenceRegion = parse.GetValue(reference)! };
            var datasets = SeriesFolder.Read(parse.GetValue(folder)!).Select(file => file.File.Dataset).ToList();
            var quantifier = new StudyQuantifier(QuantificationReference.BuiltIn(options.TemplateSmoothingFwhmMm), options);
            var result = quantifier.Quantify(PetSeriesLoader.Load(datasets));
            JsonOutput.Print(new
            {
                regions = result.Regions,
                referenceRegion = result.ReferenceRegion,
                referenceSuvMean = result.ReferenceSuvMean,
                registration = result.Registration,
                suvBodyWeightFactor = result.Suv.Factor,
                suvReferenceTimeRule = result.Suv.ReferenceTimeRule,
                atlasVersion = result.AtlasVersion,
                elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds),
            });
            return Task.FromResult(0);
        }));
        return command;
    }
}
