using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds inspect DIR --json`: the series as the system reads it.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dir") { Description = "Folder with the PET series (DICOM Part 10 files)" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only format for now)" };
        var command = new Command("inspect", "Shows identity, geometry and SUV inputs of a PET series") { folder, json };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            JsonOutput.Print(Inspect(parse.GetValue(folder)!));
            return Task.FromResult(0);
        }));
        return command;
    }

    public static SeriesInspection Inspect(string folder)
    {
        var datasets = SeriesFolder.Read(folder).Select(file => file.File.Dataset).ToList();
        var series = PetSeriesLoader.Load(datasets);
        var volume = VolumeAssembler.Assemble(series.Slices);
        var first = datasets[0];
        var inputs = series.SuvInputs;
        double? factor = null;
        string? suvError = null;
        SuvFactorResult? suv = null;
        try
        {
            suv = SuvCalculator.ComputeBodyWeightFactor(inputs);
            factor = suv.Factor;
        }
        catch (SuvCalculationException error)
        {
            suvError = error.Message;
        }
        var spacing = volume.Spacing;
        return new SeriesInspection(
            first.GetString(DicomTags.PatientName) ?? "",
            first.GetString(DicomTags.PatientID) ?? "",
            series.StudyInstanceUid,
            series.SeriesInstanceUid,
            first.GetString(DicomTags.Modality) ?? "",
            datasets.Count,
            first.TryGetInt(DicomTags.NumberOfSlices, out var declared) ? declared : null,
            new SeriesGeometry(volume.Nx, volume.Ny, volume.Nz, [spacing.X, spacing.Y, spacing.Z],
                first.GetDoubles(DicomTags.ImageOrientationPatient), VolumeOrigin(volume)),
            inputs.Units,
            inputs.DecayCorrection,
            suv?.HalfLifeSecondsUsed ?? inputs.RadionuclideHalfLifeSeconds,
            inputs.RadionuclideTotalDoseBq,
            inputs.PatientWeightKg,
            factor,
            suv?.ReferenceTimeRule,
            suvError);
    }

    private static double[] VolumeOrigin(Volume volume)
    {
        var origin = volume.VoxelToWorld.Apply(new Point3(0, 0, 0));
        return [origin.X, origin.Y, origin.Z];
    }
}

public sealed record SeriesInspection(
    string PatientName,
    string PatientId,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string Modality,
    int NumberOfInstances,
    int? NumberOfSlices,
    SeriesGeometry Geometry,
    string? Units,
    string? DecayCorrection,
    double? HalfLifeSeconds,
    double? InjectedDoseBq,
    double? PatientWeightKg,
    double? SuvBodyWeightFactor,
    string? SuvReferenceTimeRule,
    string? SuvError);

/// <param name="Origin">World position (LPS, mm) of the first voxel after sorting slices along the normal.</param>
public sealed record SeriesGeometry(int Columns, int Rows, int Slices, double[] SpacingMm, double[] Orientation, double[] Origin);
