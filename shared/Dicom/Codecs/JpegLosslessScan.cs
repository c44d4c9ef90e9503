using System.Buffers.Binary;

namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// Decodes the entropy-coded data of one lossless scan (T.81 Annex H) straight into native pixel bytes.
/// Each sample is its prediction plus a Huffman-coded difference, modulo 2^16 (H.1.2.1, H.1.2.2).
/// </summary>
internal static class JpegLosslessScan
{
    /// <returns>The offset just after the scan's entropy-coded data, where the next marker must be.</returns>
    public static int Decode(
        ReadOnlySpan<byte> data, int position, JpegFrameHeader frame, JpegScanHeader scan, int restartInterval,
        int bytesPerSample, Span<byte> destination)
    {
        var width = frame.Columns;
        var scanComponents = scan.ComponentIndexes.Length;
        var frameComponents = frame.ComponentIds.Length;
        var pointTransform = scan.PointTransform;
        var maxValue = (1 << (frame.Precision - pointTransform)) - 1;
        // First sample of the image and of every restart interval (H.1.2.1).
        var initialPrediction = 1 << (frame.Precision - pointTransform - 1);
        var rowsPerInterval = RowsPerRestartInterval(restartInterval, width, frame.Rows);

        var previous = new int[width * scanComponents];
        var current = new int[width * scanComponents];
        var reader = new JpegBitReader(data, position);
        var rowsLeft = rowsPerInterval;
        var restartIndex = 0;
        var firstRow = true;
        for (var row = 0; row < frame.Rows; row++)
        {
            if (rowsLeft == 0)
            {
                reader.Fill();
                reader = new JpegBitReader(data, AfterRestartMarker(data, reader.Position, restartIndex));
                restartIndex = (restartIndex + 1) & 7;
                rowsLeft = rowsPerInterval;
                firstRow = true;
            }
            for (var column = 0; column < width; column++)
            {
                for (var c = 0; c < scanComponents; c++)
                {
                    var at = column * scanComponents + c;
                    var prediction = firstRow
                        ? (column == 0 ? initialPrediction : current[at - scanComponents])
                        : column == 0
                            ? previous[at]
                            : Predict(scan.Predictor, current[at - scanComponents], previous[at], previous[at - scanComponents]);
                    var value = (prediction + ReadDifference(ref reader, scan.Tables[c])) & 0xFFFF;
                    if (value > maxValue)
                    {
                        throw new DicomFormatException(
                            $"JPEG lossless sample at row {row}, column {column} decodes to {value}, beyond {frame.Precision - pointTransform} bits: the data is corrupt.");
                    }
                    current[at] = value;
                    var offset = ((row * width + column) * frameComponents + scan.ComponentIndexes[c]) * bytesPerSample;
                    Write(destination[offset..], (uint)value << pointTransform, bytesPerSample);
                }
            }
            (previous, current) = (current, previous);
            firstRow = false;
            rowsLeft--;
        }
        reader.Fill();
        return reader.Position;
    }

    /// <summary>
    /// Prediction restarts at whole rows only: T.81 H.1.2.1 resets it to the first-row rules, which are
    /// defined per row, so an interval that ends inside a row is refused rather than guessed.
    /// </summary>
    private static int RowsPerRestartInterval(int restartInterval, int width, int rows)
    {
        if (restartInterval == 0 || (long)restartInterval >= (long)width * rows)
        {
            return int.MaxValue;
        }
        if (restartInterval % width != 0)
        {
            throw new DicomFormatException(
                $"JPEG restart interval {restartInterval} is not a whole number of rows ({width} samples per row); it is not supported.");
        }
        return restartInterval / width;
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

    /// <summary>A difference: its category SSSS, then SSSS extra bits (F.1.2.1, H.1.2.2; SSSS 16 means 32768 with no extra bits).</summary>
    private static int ReadDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
        var category = table.Decode(ref reader);
        switch (category)
        {
            case 0:
                return 0;
            case 16:
                return 32768;
            case > 16:
                throw new DicomFormatException($"JPEG lossless difference category {category} is above 16.");
        }
        var bits = reader.Read(category);
        return bits < 1 << (category - 1) ? bits - (1 << category) + 1 : bits;
    }

    /// <summary>Bits left in the interval are padding; the next marker must be RSTn with n counting 0..7.</summary>
    private static int AfterRestartMarker(ReadOnlySpan<byte> data, int position, int restartIndex)
    {
        var expected = (byte)(JpegMarkers.Rst0 + restartIndex);
        while (position + 1 < data.Length && data[position] == 0xFF && data[position + 1] == 0xFF)
        {
            position++;
        }
        if (position + 1 >= data.Length || data[position] != 0xFF || data[position + 1] != expected)
        {
            var found = position + 1 < data.Length && data[position] == 0xFF ? JpegMarkers.Name(data[position + 1]) : "no marker";
            throw new DicomFormatException($"JPEG restart marker RST{restartIndex} expected at offset {position}, found {found}.");
        }
        return position + 2;
    }

    private static void Write(Span<byte> destination, uint value, int bytesPerSample)
    {
        switch (bytesPerSample)
        {
            case 1:
                destination[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)value);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
                break;
        }
    }
}
