using System.Text.Json;
using AmpaCds.Dicom;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// The WADO-RS metadata response: an application/dicom+json array, one object per instance. Each
/// instance is parsed, written and flushed before the next is read, so a 500-instance study is never
/// held in memory as a whole.
/// </summary>
public sealed class WadoMetadataResult(IReadOnlyList<WadoStoredFile> files, ILogger logger) : IResult
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = DicomJson.MediaType;
        // await using: a synchronous Dispose would flush synchronously, which Kestrel refuses.
        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        writer.WriteStartArray();
        foreach (var file in files)
        {
            if (await ReadHeaderAsync(file, cancellationToken) is { } dataset)
            {
                WadoMetadataJson.Dataset(dataset).WriteTo(writer);
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private async Task<DicomDataset?> ReadHeaderAsync(WadoStoredFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await file.ReadHeaderAsync(HeaderOnly, cancellationToken);
        }
        catch (Exception error) when (error is DicomFormatException or IOException)
        {
            // The status line is already decided; the instance is left out and the operator told why.
            logger.LogWarning("WADO-RS metadata skipped {Key}: {Reason}", file.Key, error.Message);
            return null;
        }
    }
}
