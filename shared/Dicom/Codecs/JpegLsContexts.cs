namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Adaptive state of one JPEG-LS scan (ITU T.87 A.2.2, A.6, A.7.2): 365 regular-mode contexts (index 0 is
/// only reached in sample-interleaved mode) and the two run-interruption contexts at 365 (RItype 0) and 366
/// (RItype 1). A is kept as a long because a hostile stream may push |Errval| to RANGE for RESET samples.
/// </summary>
internal sealed class JpegLsContexts
{
    public const int RegularCount = 365;
    public const int RunInterruptionBase = 365;

    private const int MinC = -128;
    private const int MaxC = 127;

    public readonly long[] A = new long[RegularCount + 2];
    public readonly int[] B = new int[RegularCount + 2];
    public readonly int[] C = new int[RegularCount];
    public readonly int[] N = new int[RegularCount + 2];
    public readonly int[] Nn = new int[2];

    private readonly int _reset;

    public JpegLsContexts(int range, int reset)
    {
        _reset = reset;
        var initialA = Math.Max(2, (range + 32) / 64);
        Array.Fill(A, initialA);
        Array.Fill(N, 1);
    }

    /// <summary>Golomb parameter k: the smallest k with N &lt;&lt; k &gt;= the given A (T.87 A.5.1).</summary>
    public static int GolombK(int n, long a)
    {
        var k = 0;
        while (((long)n << k) < a)
        {
            k++;
            // A/N stays below about 2 * RANGE for any stream whose errors are range-checked, so k <= 18.
            if (k > 24) throw new DicomFormatException("JPEG-LS context state is invalid: Golomb parameter k exceeds 24.");
        }
        return k;
    }

    /// <summary>Regular-mode update and bias correction (T.87 A.6.1, A.6.2).</summary>
    public void UpdateRegular(int q, int errval)
    {
        B[q] += errval;
        A[q] += Math.Abs(errval);
        if (N[q] == _reset)
        {
            A[q] >>= 1;
            B[q] >>= 1; // arithmetic shift = T.87's -((1 - B) >> 1) for negative B
            N[q] >>= 1;
        }
        N[q]++;
        if (B[q] <= -N[q])
        {
            B[q] += N[q];
            if (C[q] > MinC) C[q]--;
            if (B[q] <= -N[q]) B[q] = -N[q] + 1;
        }
        else if (B[q] > 0)
        {
            B[q] -= N[q];
            if (C[q] < MaxC) C[q]++;
            if (B[q] > 0) B[q] = 0;
        }
    }

    /// <summary>Run-interruption update (T.87 A.7.2.2); <paramref name="riType"/> selects context 365 or 366.</summary>
    public void UpdateRunInterruption(int riType, int errval, long mappedError)
    {
        var q = RunInterruptionBase + riType;
        if (errval < 0) Nn[riType]++;
        A[q] += (mappedError + 1 - riType) >> 1;
        if (N[q] == _reset)
        {
            A[q] >>= 1;
            N[q] >>= 1;
            Nn[riType] >>= 1;
        }
        N[q]++;
    }
}
