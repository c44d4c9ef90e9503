using AmpaCds.Imaging.Geometry;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Reporting.Clients;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Studies;
using AmpaCds.Reporting.Studies.Stored;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Access.Tests;

/// <summary>
/// The gateway's map client, composed as the gateway composes it, against Quantification's real map API in the
/// <see cref="SecuredSystem"/>: its own client-credentials token, the volume Quantification stored, null when absent.
/// </summary>
public sealed class QuantificationMapClientTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    private const string Study = "1.2.826.0.1.3680043.2.1143.501";
    private const string Series = "1.2.826.0.1.3680043.2.1143.501.7";

    [Fact]
    public async Task The_client_gets_the_map_quantification_stored()
    {
        var stored = Map(5, 4, 3, value: 1.25f);
        stored[2, 1, 1] = 2.5f;
        await system.App.Services.GetRequiredService<ParametricMapWriter>().WriteAsync(Study, Series, "z", stored, CancellationToken.None);
        await using var services = ServiceClients.Build(system, TimeProvider.System);
        var client = services.GetRequiredService<IParametricMapSource>();

        var map = await client.GetAsync(Record(new StoredMaps(Series, Suvr: true, Z: true, Change: false)), ParametricMap.Z, CancellationToken.None);

        Assert.IsType<QuantificationMapClient>(client);
        Assert.NotNull(map);
        Assert.Equal((5, 4, 3), (map.Nx, map.Ny, map.Nz));
        Assert.Equal(2.5f, map[2, 1, 1]);
        Assert.Equal(1.25f, map[0, 0, 0]);
        Assert.Equal(stored.Data, map.Data);
    }

    [Fact]
    public async Task A_map_quantification_does_not_have_is_null()
    {
        await using var services = ServiceClients.Build(system, TimeProvider.System);
        var client = services.GetRequiredService<IParametricMapSource>();

        // Recorded as existing, but not on Quantification's side: the API's 404 becomes null.
        var missing = await client.GetAsync(Record(new StoredMaps(Series + ".9", Suvr: true, Z: false, Change: false)), ParametricMap.Suvr, CancellationToken.None);
        // Recorded as absent: no call at all.
        var absent = await client.GetAsync(Record(new StoredMaps(Series, Suvr: true, Z: false, Change: false)), ParametricMap.Change, CancellationToken.None);

        Assert.Null(missing);
        Assert.Null(absent);
    }

    [Fact]
    public async Task Without_a_working_identity_the_client_says_why_instead_of_returning_no_map()
    {
        await using var services = ServiceClients.Build(system, TimeProvider.System, secret: "wrong");
        var client = services.GetRequiredService<IParametricMapSource>();

        var error = await Assert.ThrowsAsync<QuantificationMapException>(() =>
            client.GetAsync(Record(new StoredMaps(Series, true, true, true)), ParametricMap.Suvr, CancellationToken.None));

        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
    }

    private static StudyRecord Record(StoredMaps maps) => new()
    {
        StudyInstanceUid = Study,
        SeriesInstanceUid = Series,
        Uptake = new StoredUptake([], "whole_brain", 1, new StoredRegistration(0.9, true, "passed", null, null, null, null, null), "atlas", null, null, maps),
    };

    private static Volume Map(int nx, int ny, int nz, float value)
    {
        var volume = Volume.Zeros(VolumeGeometry.Centred(nx, ny, nz, new Point3(2, 2, 2), Point3.Zero));
        Array.Fill(volume.Data, value);
        return volume;
    }
}
