using System.CommandLine;
using AmpaCds.Cli.Output;
using AmpaCds.Domain.Clinical;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Cli.Commands;

/// <summary>`ampacds simulate --out DIR`: a synthetic [11C]K-2 PET study as DICOM plus its truth file.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the series and truth.json", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same study", DefaultValueFactory = _ => 1 };
        var group = new Option<string>("--group") { Description = "trd (patient) or hc (healthy control)", DefaultValueFactory = _ => "trd" };
        group.AcceptOnlyFromAmong("trd", "hc");
        var referrer = new Option<string>("--referring-physician")
        {
            Description = "Referring Physician's Name (Family^Given): the psychiatrist the gateway shows the report to",
            DefaultValueFactory = _ => PetAcquisitionOptions.DefaultReferringPhysician,
        };
        var command = new Command("simulate", "Writes a synthetic PET study and its truth file") { output, seed, group, referrer };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var folder = parse.GetValue(output)!;
            var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions
            {
                Seed = parse.GetValue(seed),
                Group = parse.GetValue(group) == "hc" ? SubjectGroup.Healthy : SubjectGroup.Trd,
                ReferringPhysicianName = parse.GetValue(referrer)!,
            }, folder);
            Console.Out.WriteLine($"simulated study {truth.StudyInstanceUid} ({truth.Subject.Group}) in {Path.GetFullPath(folder)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
