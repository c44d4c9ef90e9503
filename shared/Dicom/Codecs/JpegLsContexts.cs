using System.Numerics;
using System.Runtime.CompilerServices;

namespace AmpaCds.Dicom.Codecs;

/// <summary>The counters of one JPEG-LS context (ITU T.87 A.2.2). A is a long: see <see cref="JpegLsContexts"/>.</summary>
internal struct JpegLsContext
{
    public long A;
    public int B;
    public int C;
    public int N;
}

/// <summary>
/// Adaptive state of one JPEG-LS scan (ITU T.87 A.2.2, A.6, A.7.2): 365 regular-mode contexts (index 0 is
/// only reached in sample-interleaved mode) and the two run-interruption contexts at 365 (RItype 0) and 366
/// (RItype 1). Each context's counters sit together in one struct, so a sample touches one array element
/// (one bounds check, one cache line). A is kept as a long because a hostile stream may push |Errval| to
/// RANGE for RESET samples.
/// </summary>
internal sealed class JpegLsContexts
{
    public const int RegularCount = 365;
    public const int RunInterruptionBase = 365;

    private const int MinC = -128;
    private const int MaxC = 127;

    public readonly JpegLsContext[] Contexts = new JpegLsContext[RegularCount + 2];
    public readonly int[] Nn = new int[2];

    private readonly int _reset;

    public JpegLsContexts(int range, int reset)
    {
        _reset = reset;
        var initialA = Math.Max(2, (range + 32) / 64);
        for (var q = 0; q < Contexts.Length; q++) Contexts[q] = new JpegLsContext { A = initialA, N = 1 };
    }

    /// <summary>Golomb parameter k: the smallest k with N &lt;&lt; k &gt;= the given A (T.87 A.5.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GolombK(int n, long a)
    {
        if (n >= a) return 0;
        // N << k needs as many bits as A at k = bitlength(A) - bitlength(N); one more if it is still below A.
        var k = BitOperations.LeadingZeroCount((uint)n) + 32 - BitOperations.LeadingZeroCount((ulong)a);
        // A/N stays below about 2 * RANGE for any stream whose errors are range-checked, so k <= 18.
        if (k > 24 || (((long)n << k) < a && ++k > 24))
            JpegLsScanErrors.GolombKTooLarge();
        return k;
    }

    /// <summary>Regular-mode update and bias correction (T.87 A.6.1, A.6.2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UpdateRegular(ref JpegLsContext context, int errval)
    {
        // Work on locals and store once: this runs for nearly every sample.
        var a = context.A + ((errval ^ (errval >> 31)) - (errval >> 31)); // |errval| without Math.Abs's overflow check
        var b = context.B + errval;
        var n = context.N;
        if (n == _reset)
        {
            a >>= 1;
            b >>= 1; // arithmetic shift = T.87's -((1 - B) >> 1) for negative B
            n >>= 1;
        }
        n++;
        if (b <= -n)
        {
            b += n;
            if (context.C > MinC) context.C--;
            if (b <= -n) b = -n + 1;
        }
        else if (b > 0)
        {
            b -= n;
            if (context.C < MaxC) context.C++;
            if (b > 0) b = 0;
        }
        context.A = a;
        context.B = b;
        context.N = n;
    }

    /// <summary>Run-interruption update (T.87 A.7.2.2); <paramref name="riType"/> selects context 365 or 366.</summary>
    public void UpdateRunInterruption(int riType, int errval, long mappedError)
    {
        ref var context = ref Contexts[RunInterruptionBase + riType];
        if (errval < 0) Nn[riType]++;
        context.A += (mappedError + 1 - riType) >> 1;
        if (context.N == _reset)
        {
            context.A >>= 1;
            context.N >>= 1;
            Nn[riType] >>= 1;
        }
        context.N++;
    }
}
