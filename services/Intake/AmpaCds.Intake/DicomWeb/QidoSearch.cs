using System.Text.Json.Nodes;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>One page of QIDO-RS results; <see cref="HasMore"/> when limit cut the list short.</summary>
public sealed record QidoPage(IReadOnlyList<JsonObject> Results, bool HasMore);

/// <summary>Searches the stored studies and series. Order is stable (newest study first, then UID) so paging is consistent.</summary>
public sealed class QidoSearch(StoredInstanceIndex index)
{
    public QidoPage Studies(QidoQuery query) => Page(MatchingStudies(query).Select(QidoJson.Study), query);

    public QidoPage Series(QidoQuery query) => Page(MatchingSeries(query).Select(QidoJson.Series), query);

    /// <summary>The stored instances of each matching study, in result order (also the C-FIND SCP's matches).</summary>
    public IEnumerable<IReadOnlyList<StoredInstance>> MatchingStudies(QidoQuery query) =>
        index.Snapshot()
            .GroupBy(instance => instance.StudyUid, StringComparer.Ordinal)
            .Select(study => study.ToList())
            .Where(study => query.MatchesStudy(study[0])
                && (query.Modality is null || study.Any(instance => instance.Modality == query.Modality))
                && (query.SeriesUids is null || study.Any(instance => query.SeriesUids.Contains(instance.SeriesUid))))
            .OrderByDescending(study => study[0].StudyDate ?? "", StringComparer.Ordinal)
            .ThenBy(study => study[0].StudyUid, StringComparer.Ordinal);

    /// <summary>The stored instances of each matching series, in result order.</summary>
    public IEnumerable<IReadOnlyList<StoredInstance>> MatchingSeries(QidoQuery query) =>
        index.Snapshot()
            .GroupBy(instance => (instance.StudyUid, instance.SeriesUid))
            .Select(group => group.ToList())
            .Where(group => query.MatchesSeries(group[0]))
            .OrderByDescending(group => group[0].StudyDate ?? "", StringComparer.Ordinal)
            .ThenBy(group => group[0].StudyUid, StringComparer.Ordinal)
            .ThenBy(group => group[0].SeriesNumber ?? int.MaxValue)
            .ThenBy(group => group[0].SeriesUid, StringComparer.Ordinal);

    private static QidoPage Page(IEnumerable<JsonObject> results, QidoQuery query)
    {
        var page = results.Skip(query.Offset).Take(query.Limit + 1).ToList();
        var hasMore = page.Count > query.Limit;
        return new QidoPage(hasMore ? page[..query.Limit] : page, hasMore);
    }
}
