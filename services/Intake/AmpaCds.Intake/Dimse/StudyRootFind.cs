using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.DicomWeb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Dimse;

/// <summary>
/// Intake's C-FIND SCP (Study Root, STUDY and SERIES levels): lets a PACS administrator check with the tools
/// they already use (findscu, the PACS's own query screen) what Intake has received. Same matching as QIDO-RS;
/// more matches than the QIDO-RS result limit is refused (0xA700) rather than silently cut.
/// </summary>
public sealed class StudyRootFind(QidoSearch search, IOptions<DicomWebOptions> options, ILogger<StudyRootFind> logger)
{
    public CFindResult Find(CFindRequest request)
    {
        var level = request.Identifier.GetString(DicomTags.QueryRetrieveLevel)?.Trim();
        if (level is not ("STUDY" or "SERIES"))
        {
            return Refuse(request, DicomStatus.DatasetDoesNotMatchSopClass, $"Query/Retrieve Level '{level}' is not supported: STUDY or SERIES");
        }
        var seriesLevel = level == "SERIES";
        var limit = options.Value.MaxResults;
        QidoQuery query;
        try
        {
            query = FindIdentifier.ToQuery(request.Identifier, limit);
        }
        catch (DicomWebRequestException error)
        {
            return Refuse(request, DicomStatus.DatasetDoesNotMatchSopClass, error.Message);
        }
        var groups = (seriesLevel ? search.MatchingSeries(query) : search.MatchingStudies(query)).Take(limit + 1).ToList();
        if (groups.Count > limit)
        {
            return Refuse(request, DicomStatus.OutOfResources, $"more than {limit} matches; narrow the query");
        }
        var pending = FindIdentifier.AllKeysSupported(request.Identifier, seriesLevel) ? DicomStatus.Pending : DicomStatus.PendingWithOptionalKeysUnsupported;
        logger.LogInformation("C-FIND from {CallingAe}@{Remote} at {Level} level: {Count} matches", request.CallingAeTitle, request.RemoteEndPoint, level, groups.Count);
        return new CFindResult(DicomStatus.Success, groups.Select(group => FindIdentifier.Response(request.Identifier, seriesLevel, group)).ToList(), pending);
    }

    private CFindResult Refuse(CFindRequest request, ushort status, string reason)
    {
        logger.LogWarning("C-FIND from {CallingAe}@{Remote} refused with status 0x{Status:X4}: {Reason}", request.CallingAeTitle, request.RemoteEndPoint, status, reason);
        return CFindResult.Refused(status, reason);
    }
}
