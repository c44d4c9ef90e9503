using AmpaCds.Imaging;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>Writes template-space maps as NIfTI-1 (.nii.gz) under the series' blob prefix, for the report and for viewers.</summary>
public sealed class ParametricMapWriter(IBlobStore blobs)
{
    public async Task<string> WriteAsync(string seriesBlobPrefix, string name, Volume map, CancellationToken cancellationToken)
    {
        var key = $"{seriesBlobPrefix.TrimEnd('/')}/maps/{name}.nii.gz";
        await blobs.PutAsync(key, NiftiWriter.Encode(map, gzip: true), cancellationToken);
        return key;
    }

    public async Task<Volume> ReadAsync(string key, CancellationToken cancellationToken) =>
        NiftiReader.Read(await blobs.GetAsync(key, cancellationToken));
}
