using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Writes template-space maps as NIfTI-1 (.nii.gz), for the report and for viewers. They live under
/// Quantification's own prefix, not among the instances Intake stored: each service owns its data.
/// </summary>
public sealed class ParametricMapWriter(IBlobStore blobs)
{
    public async Task<string> WriteAsync(string studyUid, string seriesUid, string name, Volume map, CancellationToken cancellationToken)
    {
        var key = KeyFor(studyUid, seriesUid, name);
        await blobs.PutAsync(key, NiftiWriter.Encode(map, gzip: true), cancellationToken);
        return key;
    }

    public static string KeyFor(string studyUid, string seriesUid, string name) => $"quantification/maps/{studyUid}/{seriesUid}/{name}.nii.gz";

    public async Task<Volume> ReadAsync(string key, CancellationToken cancellationToken) =>
        NiftiReader.Read(await blobs.GetAsync(key, cancellationToken));
}
