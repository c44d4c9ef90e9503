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
    private readonly int _qbpp;
    private readonly int _limit;

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
        _qbpp = CeilLog2(_range);
        var bpp = Math.Max(2, CeilLog2(parameters.MaxVal + 1));
        _limit = 2 * (bpp + Math.Max(8, bpp));
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
        var x = 1;
        while (x <= _width)
        {
            var ra = current[x - 1];
            var rb = previous[x];
            var rc = previous[x - 1];
            var rd = previous[x + 1];
            if (rd == rb && rb == rc && rc == ra)
            {
                x += DecodeRun(ref reader, current, previous, x, ref _runIndex[component]);
            }
            else
            {
                current[x] = DecodeRegular(ref reader, Quantize(rd - rb), Quantize(rb - rc), Quantize(rc - ra), ra, rb, rc);
                x++;
            }
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
        Span<int> q = stackalloc int[components * 3];
        var x = 1;
        while (x <= _width)
        {
            var allZero = true;
            for (var c = 0; c < components; c++)
            {
                var previous = _previous[c];
                var ra = _current[c][x - 1];
                q[3 * c] = Quantize(previous[x + 1] - previous[x]);
                q[3 * c + 1] = Quantize(previous[x] - previous[x - 1]);
                q[3 * c + 2] = Quantize(previous[x - 1] - ra);
                allZero &= q[3 * c] == 0 && q[3 * c + 1] == 0 && q[3 * c + 2] == 0;
            }
            if (allZero)
            {
                x += DecodeSampleInterleavedRun(ref reader, x);
                continue;
            }
            for (var c = 0; c < components; c++)
            {
                var previous = _previous[c];
                _current[c][x] = DecodeRegular(ref reader, q[3 * c], q[3 * c + 1], q[3 * c + 2],
                    _current[c][x - 1], previous[x], previous[x - 1]);
            }
            x++;
        }
    }

    private int Quantize(int d)
    {
        if (d <= -_parameters.T3) return -4;
        if (d <= -_parameters.T2) return -3;
        if (d <= -_parameters.T1) return -2;
        if (d < 0) return -1;
        if (d == 0) return 0;
        if (d < _parameters.T1) return 1;
        if (d < _parameters.T2) return 2;
        if (d < _parameters.T3) return 3;
        return 4;
    }

    /// <summary>Regular mode (T.87 A.3 - A.6) for one sample.</summary>
    private int DecodeRegular(ref JpegLsBitReader reader, int q1, int q2, int q3, int ra, int rb, int rc)
    {
        var sign = 1;
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0))))
        {
            sign = -1;
            q1 = -q1;
            q2 = -q2;
            q3 = -q3;
        }
        // With the first non-zero gradient positive this is a one-to-one map onto 0..364.
        var q = (q1 * 9 + q2) * 9 + q3;
        var contexts = _contexts;

        var px = PredictMed(ra, rb, rc) + sign * contexts.C[q];
        px = Math.Clamp(px, 0, _parameters.MaxVal);

        var k = JpegLsContexts.GolombK(contexts.N[q], contexts.A[q]);
        var mapped = DecodeGolomb(ref reader, k, _limit);
        long errval;
        if (k == 0 && 2 * contexts.B[q] <= -contexts.N[q])
            errval = (mapped & 1) != 0 ? (mapped - 1) / 2 : -(mapped / 2) - 1; // inverse of the special mapping (A.5.2)
        else
            errval = (mapped & 1) == 0 ? mapped / 2 : -(mapped + 1) / 2;
        var error = CheckedError(errval);
        contexts.UpdateRegular(q, error);
        return Reconstruct(px + sign * error);
    }

    private static int PredictMed(int ra, int rb, int rc)
    {
        if (rc >= Math.Max(ra, rb)) return Math.Min(ra, rb);
        if (rc <= Math.Min(ra, rb)) return Math.Max(ra, rb);
        return ra + rb - rc;
    }

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
        count += (int)reader.ReadBits(J[runIndex]);
        if (count >= remaining)
            throw new DicomFormatException($"JPEG-LS run of {count} samples runs past the end of the line ({remaining} samples left).");
        return count;
    }

    /// <summary>Run interruption sample (T.87 A.7.2).</summary>
    private int DecodeRunInterruption(ref JpegLsBitReader reader, int ra, int rb, int runIndex, int riType)
    {
        var contexts = _contexts;
        var q = JpegLsContexts.RunInterruptionBase + riType;
        var temp = riType == 0 ? contexts.A[q] : contexts.A[q] + (contexts.N[q] >> 1);
        var k = JpegLsContexts.GolombK(contexts.N[q], temp);
        var mapped = DecodeGolomb(ref reader, k, _limit - J[runIndex] - 1);
        var t = mapped + riType;
        var map = (t & 1) == 1;
        var magnitude = (t + (map ? 1 : 0)) / 2;
        var negative = (k != 0 || 2 * contexts.Nn[riType] >= contexts.N[q]) == map;
        var error = CheckedError(negative ? -magnitude : magnitude);
        contexts.UpdateRunInterruption(riType, error, mapped);
        if (riType == 1) return Reconstruct(ra + error);
        return Reconstruct(rb + (ra > rb ? -error : error));
    }

    /// <summary>
    /// Limited-length Golomb code (T.87 A.5.3): a unary prefix of zeros ended by a 1, then k bits; a prefix of
    /// LIMIT - qbpp - 1 zeros escapes to MErrval - 1 in qbpp bits.
    /// </summary>
    private long DecodeGolomb(ref JpegLsBitReader reader, int k, int limit)
    {
        var escape = limit - _qbpp - 1;
        var zeros = 0;
        while (reader.ReadBit() == 0)
        {
            if (++zeros > escape)
                throw new DicomFormatException($"JPEG-LS Golomb code is longer than LIMIT ({limit} bits).");
        }
        if (zeros < escape) return ((long)zeros << k) | reader.ReadBits(k);
        return reader.ReadBits(_qbpp) + 1;
    }

    // A valid encoder's error is reduced modulo RANGE, so its magnitude never exceeds RANGE; larger values
    // only come from corrupt data and would otherwise grow the context counters without bound.
    private int CheckedError(long errval)
    {
        if (errval > _range || errval < -_range)
            throw new DicomFormatException($"JPEG-LS prediction error {errval} is outside the sample range (RANGE {_range}).");
        return (int)errval;
    }

    // Modulo-RANGE reconstruction (T.87 A.4.5 inverse); for NEAR = 0 the result is always within 0..MAXVAL.
    private int Reconstruct(int value)
    {
        if (value < 0) value += _range;
        else if (value > _parameters.MaxVal) value -= _range;
        if (value < 0 || value > _parameters.MaxVal)
            throw new DicomFormatException($"JPEG-LS reconstructed sample {value} is outside 0..MAXVAL ({_parameters.MaxVal}).");
        return value;
    }

    private static int CeilLog2(int value)
    {
        var bits = 0;
        while ((1L << bits) < value) bits++;
        return bits;
    }
}
