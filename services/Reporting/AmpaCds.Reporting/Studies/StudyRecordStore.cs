using AmpaCds.ServiceDefaults.Storage;
using System.Text.Json;
using AmpaCds.Contracts.Reporting;

namespace AmpaCds.Reporting.Studies;

/// <summary>
/// The gateway's own study records, one JSON file per study, loaded at start so nothing is lost
/// on restart. Updates are serialised; each stage change is announced to watchers.
/// </summary>
public sealed class StudyRecordStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _folder;
    private readonly Dictionary<string, StudyRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public StudyRecordStore(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var record = JsonSerializer.Deserialize<StudyRecord>(File.ReadAllText(file), Json);
            if (record is not null)
            {
                _records[record.StudyInstanceUid] = record;
            }
        }
    }

    public event Action<StageChange>? StageChanged;

    public StudyRecord? Find(string studyInstanceUid)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault(studyInstanceUid);
        }
    }

    public IReadOnlyList<StudyRecord> All()
    {
        lock (_gate)
        {
            return _records.Values.OrderByDescending(r => r.UpdatedAt).ToList();
        }
    }

    /// <summary>Applies <paramref name="change"/> atomically and persists the result.</summary>
    public StudyRecord Update(string studyInstanceUid, Func<StudyRecord, StudyRecord> change)
    {
        // UIDs are digits and dots (PS3.5 9.1); anything else must not become a file name.
        if (studyInstanceUid.Length is 0 or > 64 || !studyInstanceUid.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            throw new ArgumentException($"'{studyInstanceUid}' is not a DICOM UID", nameof(studyInstanceUid));
        }
        StudyRecord updated;
        PipelineStage previousStage;
        lock (_gate)
        {
            var current = _records.GetValueOrDefault(studyInstanceUid) ?? new StudyRecord { StudyInstanceUid = studyInstanceUid };
            previousStage = current.Stage;
            updated = change(current) with { UpdatedAt = DateTimeOffset.UtcNow };
            _records[studyInstanceUid] = updated;
            Persist(updated);
        }
        if (updated.Stage != previousStage)
        {
            StageChanged?.Invoke(new StageChange(studyInstanceUid, updated.Stage, updated.StageDetail, updated.UpdatedAt));
        }
        return updated;
    }

    private void Persist(StudyRecord record)
    {
        DurableFile.WriteJson(Path.Combine(_folder, $"{record.StudyInstanceUid}.json"), record, Json);
    }
}
