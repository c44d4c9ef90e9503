using System.Text;
using AmpaCds.Dicom;
using AmpaCds.Dicom.Codecs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// The WADO-RS instance response (PS3.18 8.6.1.2): multipart/related; type="application/dicom", one part
/// per stored Part 10 file, its bytes exactly as stored, or converted to Explicit VR Little Endian with
/// decoded pixels when the client asked for that (<see cref="WadoRetrieve.PlanAsync"/>). Stored files are
/// copied one at a time straight from disk, so memory holds one 16 KiB head and the copy buffer; a
/// converted instance is held whole while it is sent.
/// </summary>
public sealed class WadoMultipartResult(IReadOnlyList<WadoResponsePart> parts, ILogger logger) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        // A GUID boundary cannot be chosen to collide with the content, which a client could arrange for a fixed one.
        var boundary = "ampacds-wado-" + Guid.NewGuid().ToString("N");
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"multipart/related; type=\"{WadoAccept.DicomPart}\"; boundary={boundary}";
        foreach (var part in parts)
        {
            if (part.Transcode)
            {
                await WriteConvertedPartAsync(response.Body, boundary, part.File, cancellationToken);
            }
            else
            {
                await WritePartAsync(response.Body, boundary, part.File, cancellationToken);
            }
        }
        await WriteAsciiAsync(response.Body, $"--{boundary}--\r\n", cancellationToken);
    }

    private async Task WritePartAsync(Stream body, string boundary, WadoStoredFile file, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await file.OpenReadAsync(cancellationToken);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted after the listing; the status line is already decided, so the part is left out.
            logger.LogWarning("WADO-RS skipped {Key}: deleted while the response was sent", file.Key);
            return;
        }
        await using (stream)
        {
            // The head is read first for the part's transfer-syntax parameter, then sent as the first chunk.
            var head = new byte[WadoStoredFile.HeadBytes];
            var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var syntax = WadoStoredFile.SyntaxOf(head.AsMemory(0, headLength));
            var contentType = syntax is null ? WadoAccept.DicomPart : $"{WadoAccept.DicomPart}; transfer-syntax={syntax}";
            await WriteAsciiAsync(body, $"--{boundary}\r\nContent-Type: {contentType}\r\nContent-Length: {stream.Length}\r\n\r\n", cancellationToken);
            await body.WriteAsync(head.AsMemory(0, headLength), cancellationToken);
            await stream.CopyToAsync(body, cancellationToken);
            await WriteAsciiAsync(body, "\r\n", cancellationToken);
        }
    }

    private async Task WriteConvertedPartAsync(Stream body, string boundary, WadoStoredFile file, CancellationToken cancellationToken)
    {
        byte[] converted;
        try
        {
            var stored = DicomFile.Open(await file.Blobs.GetAsync(file.Key, cancellationToken));
            converted = DicomFile.Create(DicomDecompressor.Decompress(stored.Dataset), TransferSyntax.ExplicitVRLittleEndian.Uid).ToBytes();
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or DicomFormatException or NotSupportedException)
        {
            // The status line is already sent; the part is left out and the reason kept for operations.
            logger.LogWarning("WADO-RS skipped {Key}: it could not be converted to Explicit VR Little Endian: {Reason}", file.Key, error.Message);
            return;
        }
        await WriteAsciiAsync(body, $"--{boundary}\r\nContent-Type: {WadoAccept.DicomPart}; transfer-syntax={TransferSyntax.ExplicitVRLittleEndian.Uid}\r\n"
            + $"Content-Length: {converted.Length}\r\n\r\n", cancellationToken);
        await body.WriteAsync(converted, cancellationToken);
        await WriteAsciiAsync(body, "\r\n", cancellationToken);
    }

    private static async Task WriteAsciiAsync(Stream body, string text, CancellationToken cancellationToken) =>
        await body.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
}
