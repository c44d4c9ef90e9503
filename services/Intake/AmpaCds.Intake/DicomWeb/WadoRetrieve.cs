using AmpaCds.Dicom;
using AmpaCds.Dicom.Codecs;
using AmpaCds.Intake.Storage;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// Finds the stored instances a WADO-RS path names (blob keys from <see cref="SeriesKeys"/>) and checks
/// them against the client's Accept. Refusals are <see cref="DicomWebRequestException"/>s with the reason.
/// </summary>
public sealed class WadoRetrieve(IBlobStore blobs, ILogger<WadoRetrieve> logger)
{
    /// <summary>Also used by the responses, for files that vanish or fail to parse while they are sent.</summary>
    public ILogger Logger => logger;

    private const string InstanceFolder = "/instances/";
    private const string InstanceSuffix = ".dcm";

    /// <summary>The instances in key order (series, then SOP Instance UID); a 404 when there are none.</summary>
    public async Task<IReadOnlyList<WadoStoredFile>> FindAsync(WadoTarget target, CancellationToken cancellationToken)
    {
        if (target.SopInstanceUid is not null)
        {
            var key = SeriesKeys.Instance(target.StudyUid, target.SeriesUid!, target.SopInstanceUid);
            return await blobs.ExistsAsync(key, cancellationToken) ? [ToFile(key)] : throw await NotFoundAsync(target, cancellationToken);
        }
        var prefix = target.SeriesUid is not null
            ? SeriesKeys.InstancesPrefix(target.StudyUid, target.SeriesUid)
            : $"studies/{target.StudyUid}/";
        var files = (await blobs.ListAsync(prefix, cancellationToken)).Where(IsInstanceKey).Select(ToFile).ToList();
        return files.Count > 0 ? files : throw await NotFoundAsync(target, cancellationToken);
    }

    /// <summary>
    /// How each instance will be sent. Without named syntaxes (or with *), as stored. Otherwise as stored when
    /// the client accepts that syntax, else converted to Explicit VR Little Endian when the client accepts that
    /// and the stored pixels are native or losslessly decodable; anything else is a 406 before any byte is sent.
    /// Only the file heads are read.
    /// </summary>
    public async Task<IReadOnlyList<WadoResponsePart>> PlanAsync(IReadOnlyList<WadoStoredFile> files, IReadOnlySet<string>? accepted, CancellationToken cancellationToken)
    {
        if (accepted is null)
        {
            return files.Select(file => new WadoResponsePart(file, Transcode: false)).ToList();
        }
        var parts = new List<WadoResponsePart>(files.Count);
        foreach (var file in files)
        {
            string? stored;
            try
            {
                stored = await file.ReadSyntaxAsync(cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue; // deleted since the listing: it will not be sent, so its syntax does not matter
            }
            if (stored is not null && accepted.Contains(stored))
            {
                parts.Add(new WadoResponsePart(file, Transcode: false));
            }
            else if (stored is not null && accepted.Contains(TransferSyntax.ExplicitVRLittleEndian.Uid) && CanConvert(stored))
            {
                parts.Add(new WadoResponsePart(file, Transcode: true));
            }
            else
            {
                throw new DicomWebRequestException(StatusCodes.Status406NotAcceptable,
                    $"instance {file.SopInstanceUid} is stored as {stored ?? "an unreadable file"}; Intake sends it as stored or, when its pixels are "
                    + $"native or losslessly compressed, as {TransferSyntax.ExplicitVRLittleEndian.Uid}: accept transfer-syntax={WadoAccept.AnySyntax}, "
                    + $"{stored} or {TransferSyntax.ExplicitVRLittleEndian.Uid}");
            }
        }
        return parts;
    }

    private static bool CanConvert(string storedSyntax)
    {
        try
        {
            return FrameDecoders.WhyNotDecodable(TransferSyntax.Parse(storedSyntax)) is null;
        }
        catch (DicomFormatException)
        {
            return false;
        }
    }

    /// <summary>Logs the refusal (UIDs and reason only, no patient data) and turns it into problem details.</summary>
    public IResult Refuse(HttpContext context, DicomWebRequestException refused)
    {
        logger.LogWarning("WADO-RS request from {Client} refused with {Status}: {Reason}",
            context.Connection.RemoteIpAddress, refused.StatusCode, refused.Message);
        return Results.Problem(detail: refused.Message, statusCode: refused.StatusCode);
    }

    private WadoStoredFile ToFile(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return new WadoStoredFile(key, name[..^InstanceSuffix.Length], blobs);
    }

    // studies/{study}/{series}/instances/{sop}.dcm; the completion marker and other files are not instances.
    private static bool IsInstanceKey(string key) =>
        key.EndsWith(InstanceSuffix, StringComparison.Ordinal) && key.Contains(InstanceFolder, StringComparison.Ordinal);

    // Says which level is missing, so a client with a wrong series UID is not told the whole study is unknown.
    private async Task<DicomWebRequestException> NotFoundAsync(WadoTarget target, CancellationToken cancellationToken)
    {
        var studyKnown = (await blobs.ListAsync($"studies/{target.StudyUid}/", cancellationToken)).Any(IsInstanceKey);
        var seriesKnown = target.SeriesUid is not null
            && (await blobs.ListAsync(SeriesKeys.InstancesPrefix(target.StudyUid, target.SeriesUid), cancellationToken)).Any(IsInstanceKey);
        var reason = !studyKnown ? $"study {target.StudyUid} is not stored"
            : target.SopInstanceUid is null || !seriesKnown ? $"series {target.SeriesUid} is not stored in study {target.StudyUid}"
            : $"instance {target.SopInstanceUid} is not stored in series {target.SeriesUid} of study {target.StudyUid}";
        return new DicomWebRequestException(StatusCodes.Status404NotFound, reason);
    }
}
