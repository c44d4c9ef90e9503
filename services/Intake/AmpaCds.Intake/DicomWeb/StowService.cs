using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// STOW-RS: reads the multipart body one part at a time and hands each instance to
/// <see cref="InstanceIntake"/>, the path C-STORE takes, so validation, fsync and series
/// completion are identical. Only the multipart framing and the Part 10 wrapper are handled here.
/// </summary>
public sealed class StowService(InstanceIntake intake, IOptions<IntakeOptions> options, ILogger<StowService> logger)
{
    /// <summary>Refused before it reaches InstanceIntake; PS3.18 names this reason for STOW-RS.</summary>
    public const ushort TransferSyntaxNotSupported = 0xC122;

    public async Task<IReadOnlyList<StowOutcome>> StoreAsync(HttpRequest request, string? targetStudy, CancellationToken cancellationToken)
    {
        var limits = options.Value.DicomWeb;
        var boundary = StowMediaType.Boundary(request.ContentType);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = limits.MaxRequestBytes;
        }
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            throw new DicomWebRequestException(StatusCodes.Status413PayloadTooLarge, $"request body is larger than {limits.MaxRequestBytes} bytes");
        }

        var source = $"STOW-RS@{request.HttpContext.Connection.RemoteIpAddress}";
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxInstanceBytes };
        var outcomes = new List<StowOutcome>();
        while (await NextPartAsync(reader, outcomes.Count, cancellationToken) is { } part)
        {
            if (outcomes.Count == limits.MaxParts)
            {
                throw new DicomWebRequestException(StatusCodes.Status413PayloadTooLarge,
                    $"more than {limits.MaxParts} parts; the first {limits.MaxParts} were processed");
            }
            outcomes.Add(await StoreInstanceAsync(part.ContentType, part.Bytes, targetStudy, source, cancellationToken));
        }
        if (outcomes.Count == 0)
        {
            throw new DicomWebRequestException(StatusCodes.Status400BadRequest, "the multipart body has no parts");
        }
        return outcomes;
    }

    private static async Task<(string? ContentType, ReadOnlyMemory<byte> Bytes)?> NextPartAsync(
        MultipartReader reader, int index, CancellationToken cancellationToken)
    {
        try
        {
            if (await reader.ReadNextSectionAsync(cancellationToken) is not { } section)
            {
                return null;
            }
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            return (section.ContentType, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (BadHttpRequestException error)
        {
            throw new DicomWebRequestException(error.StatusCode, $"part {index + 1}: {error.Message}");
        }
        catch (InvalidDataException error)
        {
            // MultipartReader reports both framing errors and its length limits this way.
            var status = error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            throw new DicomWebRequestException(status, $"multipart body cannot be read at part {index + 1}: {error.Message}");
        }
        catch (IOException error)
        {
            throw new DicomWebRequestException(StatusCodes.Status400BadRequest, $"multipart body cannot be read at part {index + 1}: {error.Message}");
        }
    }

    private async Task<StowOutcome> StoreInstanceAsync(string? contentType, ReadOnlyMemory<byte> bytes, string? targetStudy,
        string source, CancellationToken cancellationToken)
    {
        if (!StowMediaType.IsDicomPart(contentType))
        {
            return Refuse("", "", DicomStatus.CannotUnderstand, $"part of type {contentType} is not {StowMediaType.DicomPart}", source);
        }
        Part10Instance instance;
        try
        {
            instance = Part10Instance.Split(bytes);
        }
        catch (DicomFormatException error)
        {
            return Refuse("", "", DicomStatus.CannotUnderstand, error.Message, source);
        }
        var (sopClass, sopInstance) = (instance.SopClassUid, instance.SopInstanceUid);
        if (AmpaCds.Dicom.Codecs.FrameDecoders.WhyNotDecodable(instance.Syntax) is { } undecodable)
        {
            return Refuse(sopClass, sopInstance, TransferSyntaxNotSupported, undecodable, source);
        }
        var header = ReadHeader(instance);
        var studyUid = header?.GetString(DicomTags.StudyInstanceUID);
        if (targetStudy is not null && header is not null && studyUid != targetStudy)
        {
            return Refuse(sopClass, sopInstance, DicomStatus.DatasetDoesNotMatchSopClass,
                $"Study Instance UID {studyUid} is not the study {targetStudy} of the request", source);
        }
        var rejection = await intake.AcceptAsync(instance.DatasetBytes, instance.Syntax, sopClass, sopInstance, source, cancellationToken);
        return rejection is null
            ? StowOutcome.Success(sopClass, sopInstance, studyUid!, header!.GetString(DicomTags.SeriesInstanceUID)!)
            : StowOutcome.Failure(sopClass, sopInstance, rejection.Status, rejection.Reason);
    }

    /// <summary>Header only, for the response URLs and the study check; a dataset that fails here fails in InstanceIntake too.</summary>
    private static DicomDataset? ReadHeader(Part10Instance instance)
    {
        try
        {
            return DicomDatasetReader.Read(instance.DatasetBytes, instance.Syntax, new DicomReadOptions { StopBeforePixelData = true });
        }
        catch (DicomFormatException)
        {
            return null;
        }
    }

    private StowOutcome Refuse(string sopClass, string sopInstance, ushort status, string reason, string source)
    {
        // Same wording as InstanceIntake's refusals, so one log search finds C-STORE and STOW-RS ones.
        logger.LogWarning("Instance from {Source} refused with status 0x{Status:X4}: {Reason}", source, status, reason);
        return StowOutcome.Failure(sopClass, sopInstance, status, reason);
    }
}
