namespace AmpaCds.ServiceDefaults.Health;

/// <summary>Free space on the device of a folder that may not exist yet (its nearest existing parent is on the same device).</summary>
public static class StorageSpace
{
    public static long FreeBytes(string root)
    {
        var folder = Path.GetFullPath(root);
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
        {
            folder = parent;
        }
        return new DriveInfo(folder).AvailableFreeSpace;
    }
}
