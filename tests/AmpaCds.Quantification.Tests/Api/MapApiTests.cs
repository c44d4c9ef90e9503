using System.Net;
using System.Net.Http.Headers;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.Security.Access;
using Microsoft.Extensions.DependencyInjection;

namespace AmpaCds.Quantification.Tests.Api;

/// <summary>GET /api/maps/{study}/{series}/{map}: the stored map for the service role, and every refusal with its status.</summary>
public sealed class MapApiTests(MapApiHost host) : IClassFixture<MapApiHost>
{
    private const string Study = "1.2.826.0.1.3680043.2.1143.77";
    private const string Series = "1.2.826.0.1.3680043.2.1143.77.1";

    [Fact]
    public async Task The_service_role_gets_the_stored_map_bytes_that_decode_to_the_same_volume_and_the_read_is_audited()
    {
        var suvr = Gradient();
        await host.Services.GetRequiredService<ParametricMapWriter>().WriteAsync(Study, Series, "suvr", suvr, CancellationToken.None);
        await host.Services.GetRequiredService<ParametricMapWriter>().WriteAsync(Study, Series, "suvr-change", Gradient(offset: -0.5f), CancellationToken.None);

        using var response = await GetAsync($"/api/maps/{Study}/{Series}/suvr", host.ServiceToken);
        using var change = await GetAsync($"/api/maps/{Study}/{Series}/change", host.ServiceToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        var read = NiftiReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((suvr.Nx, suvr.Ny, suvr.Nz), (read.Nx, read.Ny, read.Nz));
        Assert.Equal(suvr.Data, read.Data);
        Assert.Equal(1.0f + 3 * 0.01f + 2 * 0.1f + 1 * 1f, read[3, 2, 1]);
        Assert.Equal(suvr.VoxelToWorld.Apply(new Point3(3, 2, 1)), read.VoxelToWorld.Apply(new Point3(3, 2, 1)));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(0.5f + 3 * 0.01f + 2 * 0.1f + 1 * 1f, NiftiReader.Read(await change.Content.ReadAsByteArrayAsync())[3, 2, 1], 5);

        var audit = await WaitForAuditAsync(Study);
        Assert.Equal("InstancesAccessed", audit.Kind);
        Assert.Equal("ampacds-reporting", audit.UserId);
        Assert.Contains($"series {Series}", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_that_was_not_written_is_404_with_the_reason()
    {
        using var response = await GetAsync($"/api/maps/{Study}.404/{Series}/z", host.ServiceToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no z map for this series", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.abc", Series, "suvr", "must be UIDs")]
    [InlineData(Study, "1..2", "suvr", "must be UIDs")]
    [InlineData(Study, Series, "suv", "one of suvr, z, change")]
    [InlineData(Study, Series, "SUVR", "one of suvr, z, change")]
    public async Task A_malformed_uid_or_unknown_map_is_400(string study, string series, string map, string reason)
    {
        using var response = await GetAsync($"/api/maps/{study}/{series}/{map}", host.ServiceToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var response = await GetAsync($"/api/maps/{Study}/{Series}/suvr", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Psychiatrist)]
    [InlineData(Roles.PacsAdmin)]
    [InlineData(Roles.Auditor)]
    public async Task People_get_403_even_a_psychiatrist(string role)
    {
        using var response = await GetAsync($"/api/maps/{Study}/{Series}/suvr", host.Issuer.Token("someone", role));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await host.Http.SendAsync(request);
    }

    private static async Task<Contracts.Messages.AuditEventRecorded> WaitForAuditAsync(string study)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = MapApiHost.Audits.FirstOrDefault(audit => audit.Kind == "InstancesAccessed" && audit.Objects.Any(item => item.Id == study));
            if (found is not null)
            {
                return found;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A small map whose voxel (i, j, k) holds 1 + 0.01 i + 0.1 j + k + offset.</summary>
    private static Volume Gradient(float offset = 0)
    {
        var geometry = VolumeGeometry.Centred(6, 5, 4, new Point3(2, 2, 2), Point3.Zero);
        var volume = Volume.Zeros(geometry);
        for (var k = 0; k < 4; k++)
        {
            for (var j = 0; j < 5; j++)
            {
                for (var i = 0; i < 6; i++)
                {
                    volume[i, j, k] = 1 + 0.01f * i + 0.1f * j + k + offset;
                }
            }
        }
        return volume;
    }
}
