using AmpaCds.Dicom;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>One stored Part 10 instance that a WADO-RS response will send.</summary>
public sealed record WadoStoredFile(string Key, string SopInstanceUid, IBlobStore Blobs)
{
    /// <summary>Enough for any real file meta group (a few hundred bytes); also the first chunk sent.</summary>
    public const int HeadBytes = 16 * 1024;

    /// <summary>Transfer Syntax UID from the file meta, or null when the head is not a readable Part 10 file.</summary>
    public static string? SyntaxOf(ReadOnlyMemory<byte> head)
    {
        try
        {
            return Part10Instance.Split(head).Meta.GetString(DicomTags.TransferSyntaxUID);
        }
        catch (DicomFormatException)
        {
            return null;
        }
    }

    /// <summary>Reads only the head of the file, so checking a 500-instance study does not read its pixels.</summary>
    public async Task<string?> ReadSyntaxAsync(CancellationToken cancellationToken)
    {
        await using var stream = await OpenReadAsync(cancellationToken);
        var head = new byte[HeadBytes];
        var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return SyntaxOf(head.AsMemory(0, length));
    }

    /// <exception cref="FileNotFoundException">Deleted since it was listed.</exception>
    public Task<Stream> OpenReadAsync(CancellationToken cancellationToken) => Blobs.OpenReadAsync(Key, cancellationToken);

    /// <summary>The file head only (Part 10 meta and the dataset up to the pixels), for metadata.</summary>
    public async Task<DicomDataset> ReadHeaderAsync(DicomReadOptions headerOnly, CancellationToken cancellationToken)
    {
        await using var stream = await OpenReadAsync(cancellationToken);
        return DicomFile.Open(stream, headerOnly).Dataset;
    }
}
