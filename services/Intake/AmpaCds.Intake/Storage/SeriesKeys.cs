namespace AmpaCds.Intake.Storage;

/// <summary>Where Intake keeps a series in the blob store. UIDs are validated before they reach here.</summary>
public static class SeriesKeys
{
    public static string SeriesPrefix(string studyUid, string seriesUid) => $"studies/{studyUid}/{seriesUid}/";

    public static string InstancesPrefix(string studyUid, string seriesUid) => SeriesPrefix(studyUid, seriesUid) + "instances/";

    public static string Instance(string studyUid, string seriesUid, string sopInstanceUid) =>
        InstancesPrefix(studyUid, seriesUid) + sopInstanceUid + ".dcm";
}
