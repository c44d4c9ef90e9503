using System.Globalization;
using System.Text.Json;
using AmpaCds.Contracts.Reporting;
using AmpaCds.Dicom;
using AmpaCds.Reporting.Localization;
using AmpaCds.Reporting.PacsExport;
using AmpaCds.Reporting.Studies;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>
/// The Part 10 files of a report version's PACS objects, made once and kept in the gateway's blob store, so every
/// destination and every retry sends the same bytes. An index blob written after the objects marks the set complete.
/// The record moves on with each run; a version's objects can be made only while the record still holds that version.
/// </summary>
public sealed class PacsObjectCache(IBlobStore blobs, PacsObjectBuilder builder, IOptions<PacsOptions> options)
{
    public static string Prefix(string studyInstanceUid, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"reporting/pacs/{studyInstanceUid}/v{version}/");

    public async Task<PacsObjectSet> GetAsync(StudyRecord record, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prefix = Prefix(record.StudyInstanceUid, version);
        var indexKey = prefix + "index.json";
        if (await blobs.ExistsAsync(indexKey, cancellationToken))
        {
            var index = JsonSerializer.Deserialize<Dictionary<string, string>>(await blobs.GetAsync(indexKey, cancellationToken)) ?? [];
            return Ready(prefix, index);
        }
        if (record.Versions.Any(other => other.Version > version))
        {
            return PacsObjectSet.Superseded($"report version {record.Versions.Max(other => other.Version)} replaced it before its objects were made");
        }
        if (record.Stage == PipelineStage.Failed)
        {
            return PacsObjectSet.Superseded($"a later run failed ({record.StageDetail}) before this version's objects were made");
        }
        if (record.ReportVersion != version || record.Stage != PipelineStage.Reported)
        {
            return PacsObjectSet.NotYet;
        }
        var createdAt = record.Versions.Single(other => other.Version == version).CreatedAt;
        var language = UiLanguages.Parse(options.Value.Language) ?? UiLanguage.English;
        var objects = await builder.BuildAsync(record, SourceImages.Of(record), language, createdAt, cancellationToken);
        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            await blobs.PutAsync(prefix + item.Kind + ".dcm", DicomFile.Create(item.Dataset).ToBytes(), cancellationToken);
            made[item.Kind.ToString()] = item.SopInstanceUid;
        }
        await blobs.PutAsync(indexKey, JsonSerializer.SerializeToUtf8Bytes(made), cancellationToken);
        return Ready(prefix, made);
    }

    /// <summary>The set an index describes: object kind name to SOP Instance UID, each file next to the index.</summary>
    private static PacsObjectSet Ready(string prefix, IReadOnlyDictionary<string, string> index) =>
        PacsObjectSet.Ready(index.ToDictionary(entry => Enum.Parse<PacsObjectKind>(entry.Key), entry => new StoredPacsObject(entry.Value, prefix + entry.Key + ".dcm")));
}
