namespace AmpaCds.Dicom;

/// <summary>A DICOM Part 10 file: 128-byte preamble, "DICM", group 0002 meta (Explicit VR LE) and the dataset.</summary>
public sealed class DicomFile
{
    private const int PreambleLength = 128;
    private static readonly byte[] Magic = "DICM"u8.ToArray();

    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset)
    {
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
    }

    /// <summary>Group 0002 elements. (0002,0000) is recomputed on save.</summary>
    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>Preamble bytes, kept from the input so a re-save is identical; zeros for new files.</summary>
    public byte[] Preamble { get; private set; } = new byte[PreambleLength];

    /// <summary>Transfer syntax named in the meta information (Explicit VR LE if missing).</summary>
    public TransferSyntax TransferSyntax =>
        FileMetaInformation.GetString(DicomTags.TransferSyntaxUID) is { Length: > 0 } uid
            ? TransferSyntax.Parse(uid)
            : TransferSyntax.ExplicitVRLittleEndian;

    /// <summary>Wraps a dataset with freshly built meta information for the given transfer syntax.</summary>
    public static DicomFile Create(DicomDataset dataset, string transferSyntaxUid = "1.2.840.10008.1.2.1")
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var sopClass = dataset.GetString(DicomTags.SOPClassUID);
        var sopInstance = dataset.GetString(DicomTags.SOPInstanceUID);
        if (string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
            throw new ArgumentException("Dataset needs SOPClassUID and SOPInstanceUID to become a file.", nameof(dataset));
        return new DicomFile(BuildMeta(sopClass, sopInstance, TransferSyntax.Parse(transferSyntaxUid).Uid), dataset);
    }

    internal static DicomDataset BuildMeta(string sopClass, string sopInstance, string transferSyntaxUid) => new DicomDataset()
        .AddOrUpdate(DicomTags.FileMetaInformationVersion, DicomVR.OB, [0x00, 0x01])
        .AddOrUpdate(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClass)
        .AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance)
        .AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid)
        .AddOrUpdate(DicomTags.ImplementationClassUID, DicomVR.UI, DicomImplementation.ClassUid)
        .AddOrUpdate(DicomTags.ImplementationVersionName, DicomVR.SH, DicomImplementation.VersionName);

    public static DicomFile Open(string path, DicomReadOptions? options = null) =>
        Open(File.ReadAllBytes(path), options);

    public static DicomFile Open(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Open(copy.GetBuffer().AsMemory(0, (int)copy.Length), options);
    }

    /// <summary>Parses an in-memory file; element values are slices of <paramref name="bytes"/>.</summary>
    public static DicomFile Open(ReadOnlyMemory<byte> bytes, DicomReadOptions? options = null)
    {
        options ??= DicomReadOptions.Default;
        if (bytes.Length < PreambleLength + Magic.Length)
            throw new DicomFormatException($"Malformed DICOM file: truncated, {bytes.Length} bytes is shorter than preamble + 'DICM'.");
        if (!bytes.Span.Slice(PreambleLength, Magic.Length).SequenceEqual(Magic))
            throw new DicomFormatException("Malformed DICOM file: bad preamble, no 'DICM' prefix at offset 128.");
        var body = bytes[(PreambleLength + Magic.Length)..];
        var metaParser = new DicomDatasetParser(body, explicitVR: true, bigEndian: false, options);
        var meta = metaParser.ParseGroup(0x0002);
        if (!meta.Contains(DicomTags.TransferSyntaxUID))
            throw new DicomFormatException("Malformed DICOM file: file meta information has no Transfer Syntax UID (0002,0010).");
        var file = new DicomFile(meta, new DicomDataset()) { Preamble = bytes[..PreambleLength].ToArray() };
        var dataset = DicomDatasetReader.Read(body[metaParser.Position..], file.TransferSyntax, options);
        return new DicomFile(meta, dataset) { Preamble = file.Preamble };
    }

    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Save(stream);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Preamble.Length == PreambleLength ? Preamble : new byte[PreambleLength]);
        stream.Write(Magic);
        stream.Write(EncodeMeta());
        stream.Write(DicomDatasetWriter.Write(Dataset, TransferSyntax));
    }

    /// <summary>Whole file as bytes.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    // Group length (0002,0000) must count every meta byte after itself, so it is rebuilt rather than trusted.
    private byte[] EncodeMeta() => EncodeMeta(FileMetaInformation);

    internal static byte[] EncodeMeta(DicomDataset fileMetaInformation)
    {
        var meta = fileMetaInformation.Clone();
        meta.Remove(DicomTags.FileMetaInformationGroupLength);
        var body = DicomDatasetWriter.Write(meta, TransferSyntax.ExplicitVRLittleEndian);
        var groupLength = new DicomDataset().AddOrUpdate(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, (double)body.Length);
        var header = DicomDatasetWriter.Write(groupLength, TransferSyntax.ExplicitVRLittleEndian);
        return [.. header, .. body];
    }
}
