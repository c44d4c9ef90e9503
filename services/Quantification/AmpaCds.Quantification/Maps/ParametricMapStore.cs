using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Quantification.Pipeline;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Quantification.Maps;

/// <summary>
/// Quantification's answer to "give me this series' map": the one way other parts of the system (the HTTP API, and
/// the embedded CLI's in-process gateway) reach the maps, so the blob keys stay Quantification's own.
/// </summary>
public sealed class ParametricMapStore(IBlobStore blobs)
{
    /// <summary>The stored NIfTI-1 (.nii.gz) bytes, or null when the series has no such map.</summary>
    public async Task<byte[]?> ReadEncodedAsync(string studyUid, string seriesUid, ServedMap map, CancellationToken cancellationToken)
    {
        if (!IsUid(studyUid) || !IsUid(seriesUid))
        {
            // Never let a caller's text reach a blob key unchecked ("..", "/").
            throw new ArgumentException("study and series must be DICOM UIDs (digits and dots, at most 64 characters)");
        }
        var key = ParametricMapWriter.KeyFor(studyUid, seriesUid, ServedMapNames.StoredName(map));
        if (!await blobs.ExistsAsync(key, cancellationToken))
        {
            return null;
        }
        try
        {
            return await blobs.GetAsync(key, cancellationToken);
        }
        // Removed between the check and the read (a re-run replacing its maps): as absent as before the check.
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<Volume?> ReadAsync(string studyUid, string seriesUid, ServedMap map, CancellationToken cancellationToken) =>
        await ReadEncodedAsync(studyUid, seriesUid, map, cancellationToken) is { } bytes ? NiftiReader.Read(bytes) : null;

    /// <summary>Digits and dots, non-empty components, at most 64 characters (PS3.5 9.1).</summary>
    public static bool IsUid(string? text) =>
        text is { Length: > 0 and <= 64 }
        && text.All(character => character is '.' or (>= '0' and <= '9'))
        && text.Split('.').All(component => component.Length > 0);
}
