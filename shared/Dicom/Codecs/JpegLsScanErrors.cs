using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// The errors of the JPEG-LS sample loop, kept out of line: building an interpolated message inline would
/// make the JIT reserve and zero its buffers on every sample of the hot loop.
/// </summary>
internal static class JpegLsScanErrors
{
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void GolombTooLong(int limit) =>
        throw new DicomFormatException($"JPEG-LS Golomb code is longer than LIMIT ({limit} bits).");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ErrorOutOfRange(int errval, int range) =>
        throw new DicomFormatException($"JPEG-LS prediction error {errval} is outside the sample range (RANGE {range}).");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void SampleOutOfRange(int value, int maxVal) =>
        throw new DicomFormatException($"JPEG-LS reconstructed sample {value} is outside 0..MAXVAL ({maxVal}).");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void GolombKTooLarge() =>
        throw new DicomFormatException("JPEG-LS context state is invalid: Golomb parameter k exceeds 24.");
}
