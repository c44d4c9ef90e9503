using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AmpaCds.Intake.Storage.Journal;

/// <summary>
/// The two flushes the journal needs, which .NET does not offer. fdatasync(2) after a journal
/// write: the file's blocks already exist, so only data goes to the device, not the inode (O_SYNC,
/// .NET's WriteThrough, also journals the mtime change and measured 2-3x slower under load).
/// syncfs(2) at a checkpoint: the few hundred instance files written since the last one become
/// durable in one call, where an fsync per file would cost a device flush each.
/// </summary>
internal static class FileSystemFlush
{
    public static void FlushData(SafeFileHandle file) => Call(file, fdatasync, "fdatasync");

    public static void FlushFileSystemOf(SafeFileHandle anyFileOnIt) => Call(anyFileOnIt, syncfs, "syncfs");

    private static void Call(SafeFileHandle handle, Func<int, int> flush, string name)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (flush((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"{name} failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int fdatasync(int fd);

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int syncfs(int fd);
}
