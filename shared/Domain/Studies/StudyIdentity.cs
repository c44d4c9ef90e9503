namespace AmpaCds.Domain.Studies;

/// <summary>A study by its Study Instance UID (0020,000D), valid by construction.</summary>
public sealed record StudyIdentity
{
    public StudyIdentity(string studyInstanceUid)
    {
        StudyInstanceUid = DicomUid.Require(studyInstanceUid, nameof(StudyInstanceUid));
    }

    public string StudyInstanceUid { get; }

    public override string ToString() => StudyInstanceUid;
}
