using System.Runtime.CompilerServices;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Local gradient quantisation (ITU T.87 A.3.3) by table lookup: gradients with |D| below T3 (at most
/// <see cref="MaxTableReach"/>) are looked up, larger ones are compared against the thresholds. For
/// 16-bit data the default T3 is 276, so the table is 551 bytes and every PET gradient that matters hits it.
/// </summary>
internal sealed class JpegLsGradientQuantizer
{
    // Bounds the table when an LSE segment sets T3 close to a 16-bit MAXVAL.
    private const int MaxTableReach = 4096;

    // Every frame of a series uses the same thresholds; reusing the last table saves rebuilding it per frame.
    // The quantizer is immutable, so sharing it between threads is safe and a lost race only costs a rebuild.
    private static JpegLsGradientQuantizer? s_lastUsed;

    private readonly sbyte[] _table;
    private readonly int _reach;
    private readonly int _t1;
    private readonly int _t2;
    private readonly int _t3;

    public static JpegLsGradientQuantizer For(int t1, int t2, int t3)
    {
        var last = s_lastUsed;
        if (last is not null && last._t1 == t1 && last._t2 == t2 && last._t3 == t3) return last;
        return s_lastUsed = new JpegLsGradientQuantizer(t1, t2, t3);
    }

    private JpegLsGradientQuantizer(int t1, int t2, int t3)
    {
        _t1 = t1;
        _t2 = t2;
        _t3 = t3;
        _reach = Math.Min(t3 - 1, MaxTableReach);
        _table = new sbyte[2 * _reach + 1];
        for (var d = -_reach; d <= _reach; d++) _table[d + _reach] = (sbyte)Compare(d);
    }

    /// <summary>
    /// 81 Q1 + 9 Q2 + Q3 for the gradients D1 = Rd - Rb, D2 = Rb - Rc, D3 = Rc - Ra. Because |9 Q2 + Q3| &lt; 81
    /// and |Q3| &lt; 9, its sign is the sign of the first non-zero Qi, and its magnitude is the context
    /// number 1..364 after T.87's sign folding (A.3.4); 0 means all gradients are zero (run mode).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SignedContext(int d1, int d2, int d3) => 81 * Quantize(d1) + 9 * Quantize(d2) + Quantize(d3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Quantize(int d)
    {
        var table = _table;
        var index = d + _reach;
        return (uint)index < (uint)table.Length ? table[index] : Compare(d);
    }

    private int Compare(int d)
    {
        if (d <= -_t3) return -4;
        if (d <= -_t2) return -3;
        if (d <= -_t1) return -2;
        if (d < 0) return -1;
        if (d == 0) return 0;
        if (d < _t1) return 1;
        if (d < _t2) return 2;
        if (d < _t3) return 3;
        return 4;
    }
}
