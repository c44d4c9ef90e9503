using System.Text.RegularExpressions;

namespace AmpaCds.Access.Tests;

/// <summary>
/// Keeps <see cref="SecuredSystem"/> honest: every host (and `ampacds serve`) maps only endpoint sets the
/// access tests compose, and every one of them authenticates. An endpoint mapped straight in a Program.cs
/// would escape the matrix, so it fails here first.
/// </summary>
public sealed partial class HostCompositionTests
{
    private static readonly string[] ComposedMaps =
        ["MapDefaultEndpoints", "MapIntakeDicomWeb", "MapPredictionApi", "MapReportingApi", "MapQuantificationApi", "MapLocalIssuer", "MapPortalAuthentication", "MapReportingPortal"];

    public static TheoryData<string> Hosts() => new()
    {
        "services/Intake/AmpaCds.Intake.Host/Program.cs",
        "services/Quantification/AmpaCds.Quantification.Host/Program.cs",
        "services/Prediction/AmpaCds.Prediction.Host/Program.cs",
        "services/Reporting/AmpaCds.Reporting.Host/Program.cs",
        "services/Cli/AmpaCds.Cli/Embedded/EmbeddedServer.cs",
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Host_maps_only_composed_endpoint_sets_and_authenticates(string relativePath)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Root, relativePath));
        var maps = MapCall().Matches(source).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(maps);
        Assert.All(maps, map => Assert.Contains(map, ComposedMaps));
        Assert.Contains("AddAmpaCdsAuthentication(", source, StringComparison.Ordinal);
        Assert.Contains("UseAmpaCdsAuthentication()", source, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bapp\.(Map\w*)\(")]
    private static partial Regex MapCall();
}
