using AmpaCds.Dicom.Codecs;

namespace AmpaCds.Dicom.Tests.Codecs;

/// <summary>
/// A minimal single-component Process 14 encoder for what dcmcjpeg cannot produce: restart intervals (DRI/RSTn).
/// Its output is checked with dcmdjpeg too, so it is not only our decoder agreeing with itself.
/// All 17 difference categories get 5-bit codes (category k is code k), which keeps the table obvious.
/// </summary>
internal static class JpegLosslessTestEncoder
{
    public static byte[] Encode(ushort[] samples, int rows, int columns, int precision, int predictor, int restartRows)
    {
        var output = new List<byte> { 0xFF, JpegMarkers.Soi };
        output.AddRange([0xFF, JpegMarkers.Sof3, 0, 11, (byte)precision, (byte)(rows >> 8), (byte)rows, (byte)(columns >> 8), (byte)columns, 1, 1, 0x11, 0]);
        var counts = new byte[16];
        counts[4] = 17;
        output.AddRange([0xFF, JpegMarkers.Dht, 0, 2 + 17 + 17, 0x00]);
        output.AddRange(counts);
        output.AddRange(Enumerable.Range(0, 17).Select(v => (byte)v));
        var restartInterval = restartRows * columns;
        if (restartRows > 0)
        {
            output.AddRange([0xFF, JpegMarkers.Dri, 0, 4, (byte)(restartInterval >> 8), (byte)restartInterval]);
        }
        output.AddRange([0xFF, JpegMarkers.Sos, 0, 8, 1, 1, 0x00, (byte)predictor, 0, 0]);

        var bits = new BitWriter(output);
        var restartIndex = 0;
        for (var row = 0; row < rows; row++)
        {
            var firstRow = restartRows == 0 ? row == 0 : row % restartRows == 0;
            if (firstRow && row > 0)
            {
                bits.Flush();
                output.AddRange([0xFF, (byte)(JpegMarkers.Rst0 + restartIndex)]);
                restartIndex = (restartIndex + 1) & 7;
            }
            for (var column = 0; column < columns; column++)
            {
                int At(int r, int c) => samples[r * columns + c];
                var prediction = firstRow
                    ? column == 0 ? 1 << (precision - 1) : At(row, column - 1)
                    : column == 0 ? At(row - 1, column) : Predict(predictor, At(row, column - 1), At(row - 1, column), At(row - 1, column - 1));
                WriteDifference(bits, (samples[row * columns + column] - prediction) & 0xFFFF);
            }
        }
        bits.Flush();
        output.AddRange([0xFF, JpegMarkers.Eoi]);
        return [.. output];
    }

    private static int Predict(int predictor, int a, int b, int c) => predictor switch
    {
        1 => a,
        2 => b,
        3 => c,
        4 => a + b - c,
        5 => a + ((b - c) >> 1),
        6 => b + ((a - c) >> 1),
        _ => (a + b) >> 1,
    };

    private static void WriteDifference(BitWriter bits, int modular)
    {
        if (modular == 32768)
        {
            bits.Write(16, 5);
            return;
        }
        var difference = modular >= 32768 ? modular - 65536 : modular;
        var category = 0;
        while (Math.Abs(difference) >= 1 << category)
        {
            category++;
        }
        bits.Write(category, 5);
        if (category > 0)
        {
            bits.Write(difference >= 0 ? difference : difference + (1 << category) - 1, category);
        }
    }

    private sealed class BitWriter(List<byte> output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = _buffer << 1 | (value >> i & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        /// <summary>Pads the last byte with 1-bits (F.1.2.3).</summary>
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.Add((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.Add(0x00);
            }
            _buffer = 0;
            _count = 0;
        }
    }
}
