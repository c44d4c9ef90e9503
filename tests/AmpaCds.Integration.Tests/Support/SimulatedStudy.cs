using AmpaCds.Research.Simulation;

namespace AmpaCds.Integration.Tests.Support;

public static class SimulatedStudy
{
    public static (string Folder, SimulationTruth Truth) Write(int seed, string parent)
    {
        var folder = Path.Combine(parent, $"study-{seed}");
        var truth = PetStudySimulator.Simulate(new PetAcquisitionOptions { Seed = seed }, folder);
        return (folder, truth);
    }

    /// <summary>storescu over every .dcm of the folder, as a PACS would send them.</summary>
    /// <param name="proposal">A storescu transfer syntax option (e.g. -xt for JPEG-LS Lossless), or null for the uncompressed default.</param>
    public static Task<ProcessResult> SendWithStorescuAsync(string folder, int port, string calledAe = "AMPACDS", string? proposal = null) =>
        ProcessRunner.RunDcmtkAsync("storescu", TimeSpan.FromMinutes(2),
            [.. proposal is null ? Array.Empty<string>() : [proposal],
             "-aet", "STORESCU", "-aec", calledAe, "--scan-directories", "--scan-pattern", "*.dcm", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder]);
}
