using System.Runtime.InteropServices;

namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>
/// fsync(2) of a folder, which .NET does not offer: a rename is only durable once the folder's
/// entry is on the device, so a crash right after a "durable" write could otherwise bring back the old file.
/// Only Linux is handled; elsewhere the rename's own durability is what the platform gives.
/// </summary>
internal static class FolderSync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x86-64 and arm64)

    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var descriptor = open(folder, ReadOnly | Directory);
        if (descriptor < 0)
        {
            throw new IOException($"opening folder {folder} to flush it failed with errno {Marshal.GetLastPInvokeError()}");
        }
        try
        {
            if (fsync(descriptor) != 0)
            {
                throw new IOException($"fsync of folder {folder} failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = close(descriptor);
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int fsync(int descriptor);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int close(int descriptor);
}
