namespace AmpaCds.Dicom.Codecs;

/// <summary>
/// A lossless scan header (T.81 B.2.3 with the H.2 meanings): Ss is the predictor (selection value 1..7),
/// Se and Ah are zero, Al is the point transform Pt.
/// </summary>
internal sealed class JpegScanHeader
{
    private JpegScanHeader(int[] componentIndexes, JpegHuffmanTable[] tables, int predictor, int pointTransform)
    {
        ComponentIndexes = componentIndexes;
        Tables = tables;
        Predictor = predictor;
        PointTransform = pointTransform;
    }

    /// <summary>For each scan component, its index in the frame (its sample position in the output pixel).</summary>
    public int[] ComponentIndexes { get; }

    /// <summary>For each scan component, the Huffman table coding its differences.</summary>
    public JpegHuffmanTable[] Tables { get; }

    public int Predictor { get; }

    public int PointTransform { get; }

    /// <param name="body">The segment after its length field.</param>
    /// <param name="decoded">Frame components already decoded by an earlier scan; each is decoded once.</param>
    public static JpegScanHeader Parse(ReadOnlySpan<byte> body, JpegFrameHeader frame, JpegHuffmanTable?[] tables, bool[] decoded)
    {
        if (body.Length < 1 || body.Length != 4 + 2 * body[0])
        {
            throw new DicomFormatException($"JPEG SOS segment length {body.Length} does not match its component count.");
        }
        int count = body[0];
        if (count is < 1 or > 4)
        {
            throw new DicomFormatException($"JPEG scan has {count} components; 1..4 are allowed.");
        }
        var indexes = new int[count];
        var scanTables = new JpegHuffmanTable[count];
        for (var i = 0; i < count; i++)
        {
            var id = body[1 + 2 * i];
            var index = Array.IndexOf(frame.ComponentIds, id);
            if (index < 0)
            {
                throw new DicomFormatException($"JPEG scan refers to component {id}, which the frame header does not define.");
            }
            if (decoded[index])
            {
                throw new DicomFormatException($"JPEG component {id} is coded in more than one scan.");
            }
            decoded[index] = true;
            indexes[i] = index;
            var tableId = body[2 + 2 * i] >> 4;
            scanTables[i] = (tableId < tables.Length ? tables[tableId] : null)
                ?? throw new DicomFormatException($"JPEG scan uses Huffman table {tableId} for component {id}, but no DHT segment defined it.");
        }
        var predictor = body[1 + 2 * count];
        var end = body[2 + 2 * count];
        var approximation = body[3 + 2 * count];
        if (predictor is < 1 or > 7)
        {
            throw new DicomFormatException($"JPEG lossless scan selects predictor {predictor}; 1..7 are defined.");
        }
        var pointTransform = approximation & 0xF;
        if (end != 0 || approximation >> 4 != 0 || pointTransform >= frame.Precision)
        {
            throw new DicomFormatException(
                $"JPEG lossless scan has Se {end}, Ah {approximation >> 4}, Pt {pointTransform}; Se and Ah must be 0 and Pt below the precision {frame.Precision}.");
        }
        return new JpegScanHeader(indexes, scanTables, predictor, pointTransform);
    }
}
