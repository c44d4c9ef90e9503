namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// JPEG-LS preset coding parameters (ITU T.87 C.2.4.1.1) as signalled in an LSE segment of type 1; 0 means
/// "default" for every field, so an absent segment is <see cref="Defaults"/>.
/// </summary>
internal readonly record struct JpegLsPresetParameters(int MaxVal, int T1, int T2, int T3, int Reset)
{
    public const int DefaultReset = 64;

    public static JpegLsPresetParameters Defaults => new(0, 0, 0, 0, 0);

    /// <summary>
    /// Fills in the defaults for lossless coding (NEAR = 0) at the given precision and validates the values
    /// the stream set explicitly, so the scan decoder can rely on 1 &lt;= T1 &lt;= T2 &lt;= T3 &lt;= MAXVAL.
    /// </summary>
    public JpegLsPresetParameters Resolve(int precision)
    {
        var maxPossible = (1 << precision) - 1;
        if (MaxVal < 0 || MaxVal > maxPossible)
            throw new DicomFormatException($"JPEG-LS MAXVAL {MaxVal} does not fit the precision of {precision} bits.");
        var maxVal = MaxVal == 0 ? maxPossible : MaxVal;
        var (t1, t2, t3) = DefaultThresholds(maxVal);
        t1 = T1 == 0 ? t1 : T1;
        t2 = T2 == 0 ? t2 : T2;
        t3 = T3 == 0 ? t3 : T3;
        if (t1 < 1 || t1 > t2 || t2 > t3 || t3 > maxVal)
            throw new DicomFormatException(
                $"JPEG-LS thresholds T1 {t1}, T2 {t2}, T3 {t3} are invalid: they must satisfy 1 <= T1 <= T2 <= T3 <= MAXVAL ({maxVal}).");
        var reset = Reset == 0 ? DefaultReset : Reset;
        if (reset < 3 || reset > Math.Max(255, maxVal))
            throw new DicomFormatException($"JPEG-LS RESET {reset} is outside 3..{Math.Max(255, maxVal)}.");
        return new JpegLsPresetParameters(maxVal, t1, t2, t3, reset);
    }

    /// <summary>Default thresholds for NEAR = 0 (ITU T.87 C.2.4.1.1.1).</summary>
    public static (int T1, int T2, int T3) DefaultThresholds(int maxVal)
    {
        const int basicT1 = 3, basicT2 = 7, basicT3 = 21;
        if (maxVal >= 128)
        {
            var factor = (Math.Min(maxVal, 4095) + 128) >> 8;
            var t1 = Clamp(factor * (basicT1 - 2) + 2, 1, maxVal);
            var t2 = Clamp(factor * (basicT2 - 3) + 3, t1, maxVal);
            var t3 = Clamp(factor * (basicT3 - 4) + 4, t2, maxVal);
            return (t1, t2, t3);
        }
        else
        {
            var factor = 256 / (maxVal + 1);
            var t1 = Clamp(Math.Max(2, basicT1 / factor), 1, maxVal);
            var t2 = Clamp(Math.Max(3, basicT2 / factor), t1, maxVal);
            var t3 = Clamp(Math.Max(4, basicT3 / factor), t2, maxVal);
            return (t1, t2, t3);
        }
    }

    // T.87's CLAMP: values outside low..maxVal fall back to low, they are not saturated.
    private static int Clamp(int value, int low, int maxVal) => value > maxVal || value < low ? low : value;
}
