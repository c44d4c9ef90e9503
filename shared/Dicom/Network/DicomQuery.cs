namespace AmpaCds.Dicom.Network;

/// <summary>
/// A Study Root C-FIND request at STUDY or SERIES level. Null matching keys are not sent; the return keys
/// are always asked for (zero-length = universal matching) so each match carries them.
/// </summary>
public sealed record DicomQuery
{
    public DicomQueryLevel Level { get; init; } = DicomQueryLevel.Study;

    /// <summary>Single value or wildcard (* ?) match on Patient ID.</summary>
    public string? PatientId { get; init; }

    /// <summary>A date (YYYYMMDD) or a range (YYYYMMDD-YYYYMMDD, open ended allowed).</summary>
    public string? StudyDate { get; init; }

    /// <summary>STUDY level: studies containing a series of this modality (e.g. PT).</summary>
    public string? ModalitiesInStudy { get; init; }

    /// <summary>Required at SERIES level (the study whose series are listed); optional filter at STUDY level.</summary>
    public string? StudyInstanceUid { get; init; }

    /// <summary>SERIES level: series of this modality.</summary>
    public string? Modality { get; init; }

    /// <summary>The identifier dataset sent to the SCP.</summary>
    public DicomDataset ToIdentifier()
    {
        var ds = new DicomDataset()
            .AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, Level == DicomQueryLevel.Study ? "STUDY" : "SERIES")
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, StudyInstanceUid ?? "");
        if (Level == DicomQueryLevel.Study)
        {
            Key(ds, DicomTags.PatientID, DicomVR.LO, PatientId);
            Key(ds, DicomTags.PatientName, DicomVR.PN, null);
            Key(ds, DicomTags.PatientBirthDate, DicomVR.DA, null);
            Key(ds, DicomTags.StudyDate, DicomVR.DA, StudyDate);
            Key(ds, DicomTags.StudyTime, DicomVR.TM, null);
            Key(ds, DicomTags.AccessionNumber, DicomVR.SH, null);
            Key(ds, DicomTags.StudyID, DicomVR.SH, null);
            Key(ds, DicomTags.StudyDescription, DicomVR.LO, null);
            Key(ds, DicomTags.ModalitiesInStudy, DicomVR.CS, ModalitiesInStudy);
            Key(ds, DicomTags.NumberOfStudyRelatedSeries, DicomVR.IS, null);
            Key(ds, DicomTags.NumberOfStudyRelatedInstances, DicomVR.IS, null);
            return ds;
        }
        if (string.IsNullOrEmpty(StudyInstanceUid))
            throw new ArgumentException("A SERIES level query needs the StudyInstanceUid of its study (PS3.4 C.4.1.3.1).");
        Key(ds, DicomTags.SeriesInstanceUID, DicomVR.UI, null);
        Key(ds, DicomTags.Modality, DicomVR.CS, Modality);
        Key(ds, DicomTags.SeriesNumber, DicomVR.IS, null);
        Key(ds, DicomTags.SeriesDescription, DicomVR.LO, null);
        Key(ds, DicomTags.NumberOfSeriesRelatedInstances, DicomVR.IS, null);
        return ds;
    }

    private static void Key(DicomDataset ds, DicomTag tag, DicomVR vr, string? value)
    {
        if (value is not null && (value.Contains('\\') || value.Length > 64))
            throw new ArgumentException($"Matching key {tag} value '{value}' is not a single value of at most 64 characters.");
        ds.AddOrUpdate(tag, vr, value ?? "");
    }
}
