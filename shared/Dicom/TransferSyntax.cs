namespace AmpaCds.Dicom;

/// <summary>A DICOM transfer syntax: how a dataset is byte-encoded (PS3.5 10).</summary>
public sealed class TransferSyntax
{
    private TransferSyntax(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool canWrite)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        CanWrite = canWrite;
    }

    public string Uid { get; }
    public string Name { get; }
    public bool IsExplicitVR { get; }
    public bool IsBigEndian { get; }

    /// <summary>Dataset (after file meta) is a raw Deflate stream of Explicit VR LE.</summary>
    public bool IsDeflated { get; }

    /// <summary>Pixel data is compressed in fragments; this library keeps those fragments but cannot decode them.</summary>
    public bool IsEncapsulated { get; }

    /// <summary>False for syntaxes we read but do not emit (Big Endian is retired).</summary>
    public bool CanWrite { get; }

    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, true);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, true);
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, true);
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, false, false);

    private static readonly Dictionary<string, TransferSyntax> Known = new[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian,
    }.ToDictionary(t => t.Uid, StringComparer.Ordinal);

    /// <summary>
    /// Resolves a UID. Any other 1.2.840.10008.1.2.x syntax (JPEG, RLE, JPEG 2000...) is by definition
    /// Explicit VR LE with encapsulated pixel data, so it can still be read and re-written unchanged.
    /// </summary>
    public static TransferSyntax Parse(string uid)
    {
        uid = uid.TrimEnd('\0', ' ');
        if (Known.TryGetValue(uid, out var ts)) return ts;
        if (uid.StartsWith("1.2.840.10008.1.2.", StringComparison.Ordinal))
            return new TransferSyntax(uid, "Encapsulated " + uid, true, false, false, true, true);
        throw new DicomFormatException($"Unsupported transfer syntax UID '{uid}'.");
    }

    // Encapsulated syntaxes are created on demand, so equality is by UID rather than reference.
    public override bool Equals(object? obj) => obj is TransferSyntax other && other.Uid == Uid;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => Name;
}
