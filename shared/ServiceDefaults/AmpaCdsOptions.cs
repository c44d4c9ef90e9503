namespace AmpaCds.ServiceDefaults;

/// <summary>Settings every service shares (section "AmpaCds").</summary>
public sealed class AmpaCdsOptions
{
    public const string Section = "AmpaCds";

    /// <summary>Root folder of local state: blobs/ (shared large objects) and one folder per service.</summary>
    public string DataRoot { get; set; } = Path.Combine(Environment.CurrentDirectory, ".local", "data");

    public string BlobRoot => Path.Combine(DataRoot, "blobs");

    public string ServiceDataFolder(string service) => Path.Combine(DataRoot, service);
}
