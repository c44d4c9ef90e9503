namespace AmpaCds.Intake;

/// <summary>Intake's DICOM node and series-completion settings (section "AmpaCds:Intake").</summary>
public sealed class IntakeOptions
{
    public const string Section = "AmpaCds:Intake";

    /// <summary>Whether to run the C-STORE SCP; the embedded demo imports files instead.</summary>
    public bool ListenerEnabled { get; set; } = true;

    public string AeTitle { get; set; } = "AMPACDS";

    public int Port { get; set; } = 11112;

    /// <summary>Loopback by default; containers set 0.0.0.0.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Calling AE titles allowed to associate; empty allows any.</summary>
    public string[] AllowedCallingAeTitles { get; set; } = [];

    public int MaxAssociations { get; set; } = 16;

    /// <summary>Remote nodes allowed to send, by calling AE title and address (services/Intake/README.md).</summary>
    public Access.PeerOptions[] Peers { get; set; } = [];

    /// <summary>The DICOM TLS port beside the plain one (services/Intake/README.md, "DICOM TLS").</summary>
    public Tls.IntakeTlsOptions Tls { get; set; } = new();

    /// <summary>STOW-RS and QIDO-RS limits.</summary>
    public DicomWeb.DicomWebOptions DicomWeb { get; set; } = new();

    /// <summary>A series without Number of Slices instances is complete after this long without a new instance.</summary>
    public double QuietPeriodSeconds { get; set; } = 10;

    /// <summary>
    /// A series whose Number of Slices is known but which is short of it waits this long after its last
    /// instance (instead of the quiet period) before it is announced as "incomplete-timeout", so a PACS
    /// re-sending after a failure completes it first; it is never held forever.
    /// </summary>
    public double IncompleteSeriesTimeoutSeconds { get; set; } = 600;

    /// <summary>Write-ahead journal that makes instances durable with one device flush each.</summary>
    public Storage.InstanceJournalOptions Journal { get; set; } = new();

    /// <summary>Below this much free space Intake answers Out of Resources instead of storing.</summary>
    public long MinimumFreeDiskBytes { get; set; } = 256L * 1024 * 1024;
}
