using System.Runtime.CompilerServices;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Decodes the entropy-coded data of one lossless (NEAR = 0) JPEG-LS scan, ITU T.87 Annex A: context
/// modelling, MED prediction with bias correction, limited-length Golomb codes, run mode and run
/// interruption, restart intervals. Every decoded line goes straight into the caller's frame buffer
/// through <see cref="JpegLsOutputLayout"/>, so nothing is allocated from the stream's claims beyond
/// two lines per component.
/// </summary>
internal sealed class JpegLsScanDecoder
{
    // Run-length order table J (T.87 A.7.1.1).
    private static readonly int[] J = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    private readonly JpegLsPresetParameters _parameters;
    private readonly int _width;
    private readonly int _height;
    private readonly int _restartInterval;
    private readonly bool _sampleInterleaved;
    private readonly JpegLsOutputLayout _layout;
    private readonly int _range;
    private readonly int _maxVal;
    private readonly JpegLsGradientQuantizer _quantizer;
    private readonly int _qbpp;
    private readonly int _limit;
    private readonly int _regularEscape;

    // Per component: previous and current line with one extra sample on each side (index 0 and width + 1).
    private readonly int[][] _previous;
    private readonly int[][] _current;
    private readonly int[] _runIndex;
    private JpegLsContexts _contexts;

    public JpegLsScanDecoder(JpegLsPresetParameters parameters, int width, int height, int restartInterval,
        bool sampleInterleaved, JpegLsOutputLayout layout)
    {
        _parameters = parameters;
        _width = width;
        _height = height;
        _restartInterval = restartInterval;
        _sampleInterleaved = sampleInterleaved;
        _layout = layout;
        _range = parameters.MaxVal + 1;
        _maxVal = parameters.MaxVal;
        _quantizer = JpegLsGradientQuantizer.For(parameters.T1, parameters.T2, parameters.T3);
        _qbpp = CeilLog2(_range);
        var bpp = Math.Max(2, CeilLog2(parameters.MaxVal + 1));
        _limit = 2 * (bpp + Math.Max(8, bpp));
        _regularEscape = _limit - _qbpp - 1;
        var components = layout.FrameComponents.Length;
        _previous = new int[components][];
        _current = new int[components][];
        for (var c = 0; c < components; c++)
        {
            _previous[c] = new int[width + 2];
            _current[c] = new int[width + 2];
        }
        _runIndex = new int[components];
        _contexts = new JpegLsContexts(_range, parameters.Reset);
    }

    /// <summary>Decodes the scan starting at <paramref name="start"/>; returns the offset of the marker that follows it.</summary>
    public int Decode(ReadOnlySpan<byte> data, int start, Span<byte> destination)
    {
        var reader = new JpegLsBitReader(data, start);
        for (var line = 0; line < _height; line++)
        {
            if (_restartInterval > 0 && line > 0 && line % _restartInterval == 0)
            {
                var markerAt = reader.EndOfData();
                var next = JpegLsMarkers.ExpectRestart(data, markerAt, (line / _restartInterval - 1) % 8);
                reader = new JpegLsBitReader(data, next);
                ResetForRestart();
            }
            if (_sampleInterleaved) DecodeSampleInterleavedLine(ref reader);
            else
                for (var c = 0; c < _current.Length; c++) DecodeLine(ref reader, c);
            for (var c = 0; c < _current.Length; c++)
            {
                _layout.WriteLine(destination, line, c, _current[c].AsSpan(1, _width));
                (_previous[c], _current[c]) = (_current[c], _previous[c]);
            }
        }
        return reader.EndOfData();
    }

    // After RSTm the decoder starts over as at the top of the image (T.87 D.2/D.3): fresh contexts, run
    // indices 0 and a zero "previous line".
    private void ResetForRestart()
    {
        _contexts = new JpegLsContexts(_range, _parameters.Reset);
        Array.Clear(_runIndex);
        foreach (var line in _previous) Array.Clear(line);
        foreach (var line in _current) Array.Clear(line);
    }

    private void DecodeLine(ref JpegLsBitReader reader, int component)
    {
        var previous = _previous[component];
        var current = _current[component];
        // Edge samples (T.87 A.2.1): Rd past the end repeats Rb; Ra at the start is the sample above.
        previous[_width + 1] = previous[_width];
        current[0] = previous[1];
        var quantizer = _quantizer;
        var width = _width;
        var x = 1;
        // The neighbours slide along with x, so only Rd is loaded per sample.
        var ra = current[0];
        var rc = previous[0];
        var rb = previous[1];
        while (x <= width)
        {
            var rd = previous[x + 1];
            var context = quantizer.SignedContext(rd - rb, rb - rc, rc - ra);
            if (context == 0)
            {
                x += DecodeRun(ref reader, current, previous, x, ref _runIndex[component]);
                if (x > width) break;
                ra = current[x - 1];
                rc = previous[x - 1];
                rb = previous[x];
                continue;
            }
            ra = DecodeRegular(ref reader, context, ra, rb, rc);
            current[x] = ra;
            rc = rb;
            rb = rd;
            x++;
        }
    }

    /// <summary>
    /// Sample-interleaved line: the components of one pixel are coded together and run mode is entered
    /// only when every component's gradients are zero (T.87 A.8; behaviour as in CharLS, which DCMTK uses).
    /// </summary>
    private void DecodeSampleInterleavedLine(ref JpegLsBitReader reader)
    {
        var components = _current.Length;
        for (var c = 0; c < components; c++)
        {
            _previous[c][_width + 1] = _previous[c][_width];
            _current[c][0] = _previous[c][1];
        }
        Span<int> contexts = stackalloc int[components];
        var x = 1;
        while (x <= _width)
        {
            var allZero = true;
            for (var c = 0; c < components; c++)
            {
                var previous = _previous[c];
                var ra = _current[c][x - 1];
                contexts[c] = _quantizer.SignedContext(previous[x + 1] - previous[x], previous[x] - previous[x - 1], previous[x - 1] - ra);
                allZero &= contexts[c] == 0;
            }
            if (allZero)
            {
                x += DecodeSampleInterleavedRun(ref reader, x);
                continue;
            }
            for (var c = 0; c < components; c++)
            {
                var previous = _previous[c];
                _current[c][x] = DecodeRegular(ref reader, contexts[c], _current[c][x - 1], previous[x], previous[x - 1]);
            }
            x++;
        }
    }

    /// <summary>
    /// Regular mode (T.87 A.3 - A.6) for one sample; <paramref name="signedContext"/> comes from
    /// <see cref="JpegLsGradientQuantizer.SignedContext"/> and is not 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int DecodeRegular(ref JpegLsBitReader reader, int signedContext, int ra, int rb, int rc)
    {
        // sign is 0 for a positive context and -1 for a negative one, so (v ^ sign) - sign is sign * v.
        var sign = signedContext >> 31;
        var q = (signedContext ^ sign) - sign;
        var contexts = _contexts;
        ref var context = ref contexts.Contexts[q];

        var px = PredictMed(ra, rb, rc) + ((context.C ^ sign) - sign);
        if (px < 0) px = 0;
        else if (px > _maxVal) px = _maxVal;

        var n = context.N;
        var k = JpegLsContexts.GolombK(n, context.A);
        var mapped = DecodeGolomb(ref reader, k, _limit, _regularEscape);
        // Inverse error mapping (A.5.2): even codes are e >= 0 (2e), odd ones e < 0 (-2e - 1), i.e. e = m/2 or
        // ~(m/2); the special mapping used when k = 0 and B <= -N/2 swaps the two. Branch-free, since the sign
        // of the error is a coin toss.
        var special = k == 0 && 2 * context.B <= -n ? 1 : 0;
        var error = CheckedError((mapped >> 1) ^ -((mapped & 1) ^ special));
        contexts.UpdateRegular(ref context, error);
        return Reconstruct(px + ((error ^ sign) - sign));
    }

    // MED (T.87 A.4.1) is the median of Ra, Rb and Ra + Rb - Rc; written with min/max it needs no branches,
    // which matters because on noisy data the three cases are unpredictable.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PredictMed(int ra, int rb, int rc) => Max(Min(ra, rb), Min(Max(ra, rb), ra + rb - rc));

    // Branch-free min/max by masking the difference (the JIT emits branches for Math.Min/Max here); samples
    // are at most 16 bits, so the differences cannot overflow.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Min(int x, int y) => y + ((x - y) & ((x - y) >> 31));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Max(int x, int y) => x - ((x - y) & ((x - y) >> 31));

    /// <summary>
    /// Run mode for one component (T.87 A.7.1): whole run segments of 2^J[RUNindex] samples while the bits
    /// are 1, then either the end of the line or a 0 bit, the J[RUNindex]-bit remainder and an interruption
    /// sample. Returns the number of samples decoded.
    /// </summary>
    private int DecodeRun(ref JpegLsBitReader reader, int[] current, int[] previous, int x, ref int runIndex)
    {
        var ra = current[x - 1];
        var remaining = _width - x + 1;
        var count = DecodeRunLength(ref reader, remaining, ref runIndex);
        current.AsSpan(x, count).Fill(ra);
        if (count == remaining) return count;

        var rb = previous[x + count];
        current[x + count] = DecodeRunInterruption(ref reader, ra, rb, runIndex, ra == rb ? 1 : 0);
        if (runIndex > 0) runIndex--;
        return count + 1;
    }

    private int DecodeSampleInterleavedRun(ref JpegLsBitReader reader, int x)
    {
        var remaining = _width - x + 1;
        var count = DecodeRunLength(ref reader, remaining, ref _runIndex[0]);
        for (var c = 0; c < _current.Length; c++)
            _current[c].AsSpan(x, count).Fill(_current[c][x - 1]);
        if (count == remaining) return count;

        // CharLS codes every component of the interruption pixel with the RItype 0 context, predicted by Rb.
        var at = x + count;
        for (var c = 0; c < _current.Length; c++)
            _current[c][at] = DecodeRunInterruption(ref reader, _current[c][x - 1], _previous[c][at], _runIndex[0], riType: 0);
        if (_runIndex[0] > 0) _runIndex[0]--;
        return count + 1;
    }

    private static int DecodeRunLength(ref JpegLsBitReader reader, int remaining, ref int runIndex)
    {
        var count = 0;
        while (reader.ReadBit() == 1)
        {
            var segment = 1 << J[runIndex];
            var samples = Math.Min(segment, remaining - count);
            count += samples;
            if (samples == segment && runIndex < 31) runIndex++;
            if (count == remaining) return count;
        }
        // Interrupted run: the remainder is coded in J[RUNindex] bits and must stop before the line ends.
        count += reader.ReadBits(J[runIndex]);
        if (count >= remaining)
            throw new DicomFormatException($"JPEG-LS run of {count} samples runs past the end of the line ({remaining} samples left).");
        return count;
    }

    /// <summary>Run interruption sample (T.87 A.7.2).</summary>
    private int DecodeRunInterruption(ref JpegLsBitReader reader, int ra, int rb, int runIndex, int riType)
    {
        var contexts = _contexts;
        var context = contexts.Contexts[JpegLsContexts.RunInterruptionBase + riType];
        var temp = riType == 0 ? context.A : context.A + (context.N >> 1);
        var k = JpegLsContexts.GolombK(context.N, temp);
        var limit = _limit - J[runIndex] - 1;
        var mapped = DecodeGolomb(ref reader, k, limit, limit - _qbpp - 1);
        var t = mapped + riType;
        var map = (t & 1) == 1;
        var magnitude = (t + (map ? 1 : 0)) / 2;
        var negative = (k != 0 || 2 * contexts.Nn[riType] >= context.N) == map;
        var error = CheckedError(negative ? -magnitude : magnitude);
        contexts.UpdateRunInterruption(riType, error, mapped);
        if (riType == 1) return Reconstruct(ra + error);
        return Reconstruct(rb + (ra > rb ? -error : error));
    }

    /// <summary>
    /// Limited-length Golomb code (T.87 A.5.3): a unary prefix of zeros ended by a 1, then k bits; a prefix of
    /// <paramref name="escape"/> = LIMIT - qbpp - 1 zeros escapes to MErrval - 1 in qbpp bits. Codes stay below
    /// 47 &lt;&lt; 24 (escape &lt;= 47, k &lt;= 24), so an int holds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int DecodeGolomb(ref JpegLsBitReader reader, int k, int limit, int escape)
    {
        var zeros = reader.ReadZerosUntilOne(escape);
        if (zeros < escape) return (zeros << k) | reader.ReadBits(k);
        if (zeros > escape)
            JpegLsScanErrors.GolombTooLong(limit);
        return reader.ReadBits(_qbpp) + 1;
    }

    // A valid encoder's error is reduced modulo RANGE, so its magnitude never exceeds RANGE; larger values
    // only come from corrupt data and would otherwise grow the context counters without bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CheckedError(int errval)
    {
        if (errval > _range || errval < -_range)
            JpegLsScanErrors.ErrorOutOfRange(errval, _range);
        return errval;
    }

    // Modulo-RANGE reconstruction (T.87 A.4.5 inverse); for NEAR = 0 the result is always within 0..MAXVAL.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reconstruct(int value)
    {
        if (value < 0) value += _range;
        else if (value > _maxVal) value -= _range;
        if ((uint)value > (uint)_maxVal)
            JpegLsScanErrors.SampleOutOfRange(value, _maxVal);
        return value;
    }

    private static int CeilLog2(int value)
    {
        var bits = 0;
        while ((1L << bits) < value) bits++;
        return bits;
    }
}
