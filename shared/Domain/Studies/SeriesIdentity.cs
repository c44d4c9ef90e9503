namespace AmpaCds.Domain.Studies;

/// <summary>A series by its Study and Series Instance UIDs (0020,000D / 0020,000E), both valid by construction.</summary>
public sealed record SeriesIdentity
{
    public SeriesIdentity(string studyInstanceUid, string seriesInstanceUid)
    {
        Study = new StudyIdentity(studyInstanceUid);
        SeriesInstanceUid = DicomUid.Require(seriesInstanceUid, nameof(SeriesInstanceUid));
    }

    public StudyIdentity Study { get; }

    public string StudyInstanceUid => Study.StudyInstanceUid;

    public string SeriesInstanceUid { get; }

    public override string ToString() => $"{StudyInstanceUid}/{SeriesInstanceUid}";
}
