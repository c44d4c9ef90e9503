namespace AmpaCds.Security.Access;

/// <summary>
/// What a caller may do. A person may hold several; a token carries the ones asked for at sign-in.
/// </summary>
public static class Roles
{
    /// <summary>Requests forecasts, reads the reports of their own patients' studies, records outcomes.</summary>
    public const string Psychiatrist = "psychiatrist";

    /// <summary>DICOM peers and destinations, study intake status without clinical results; PACS systems pushing over STOW-RS.</summary>
    public const string PacsAdmin = "pacs-admin";

    /// <summary>Health, metrics, queues and dead letters: never patient data.</summary>
    public const string Ops = "ops";

    /// <summary>Trains, activates and retires models.</summary>
    public const string ModelAdmin = "model-admin";

    /// <summary>Privacy officers reading the audit trail.</summary>
    public const string Auditor = "auditor";

    /// <summary>
    /// Reads and publishes de-identified cohort analyses (group statistics over subject ids, no names); never a
    /// patient's report. Nobody else sees the analyses: a model owner who wants them is given this role too.
    /// </summary>
    public const string Researcher = "researcher";

    /// <summary>An AmpaCds service calling another with its own client-credential identity.</summary>
    public const string Service = "service";

    public static IReadOnlyList<string> All { get; } = [Psychiatrist, PacsAdmin, Ops, ModelAdmin, Auditor, Researcher, Service];

    /// <summary>The roles a person (not a service) may be given.</summary>
    public static IReadOnlyList<string> People { get; } = [Psychiatrist, PacsAdmin, Ops, ModelAdmin, Auditor, Researcher];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
