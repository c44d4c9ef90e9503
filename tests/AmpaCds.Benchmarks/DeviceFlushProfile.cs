using System.Diagnostics;
using AmpaCds.Intake.Storage.Journal;

namespace AmpaCds.Benchmarks;

/// <summary>
/// The floor under any receiver that answers only once an instance is durable: one write of an
/// instance's size into a preallocated, zero-filled file plus fdatasync, the same system calls as
/// Intake's journal, with nothing else around them. Timed back to back and with a 1 ms idle pause
/// before each, as between a synchronous sender's C-STOREs: on the VM measured, the device flush
/// after an idle pause is markedly slower than in a tight loop.
/// </summary>
public static class DeviceFlushProfile
{
    private const int Count = 500;
    private const int RecordBytes = 36 * 1024; // one 128 x 128 16-bit instance with its header, rounded to 4 KiB

    public static void Run(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var path = Path.Combine(folder, "device-flush-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
            var zeros = new byte[1 << 20];
            for (long offset = 0; offset < (long)Count * RecordBytes; offset += zeros.Length) RandomAccess.Write(file, zeros, offset);
            FileSystemFlush.FlushData(file);
            var record = new byte[RecordBytes];
            Random.Shared.NextBytes(record);
            Report("bare device flush: write 36 KB + fdatasync, back to back", Time(file, record, pause: false));
            Report("bare device flush: the same after a 1 ms idle pause each", Time(file, record, pause: true));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double[] Time(Microsoft.Win32.SafeHandles.SafeFileHandle file, byte[] record, bool pause)
    {
        var times = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            if (pause) Thread.Sleep(1);
            var start = Stopwatch.GetTimestamp();
            RandomAccess.Write(file, record, (long)i * RecordBytes);
            FileSystemFlush.FlushData(file);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static void Report(string label, double[] sorted) =>
        Console.WriteLine($"  {label,-58} {sorted[Count / 2],8:0.000}   (p10 {sorted[Count / 10]:0.000}, p90 {sorted[Count * 9 / 10]:0.000})");
}
