using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>Checks a STOW-RS Content-Type: multipart/related; type="application/dicom"; boundary=...</summary>
public static class StowMediaType
{
    public const string DicomPart = "application/dicom";

    /// <summary>The multipart boundary, or a 415/400 <see cref="DicomWebRequestException"/>.</summary>
    public static string Boundary(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            throw new DicomWebRequestException(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{contentType}' is not multipart/related; type=\"application/dicom\"");
        }
        if (!media.MediaType.Equals("multipart/related", StringComparison.OrdinalIgnoreCase))
        {
            throw new DicomWebRequestException(StatusCodes.Status415UnsupportedMediaType,
                $"media type {media.MediaType} is not supported; send multipart/related; type=\"application/dicom\"");
        }
        // The metadata + bulk data forms (type application/dicom+json or +xml) are not supported; a missing type is read as DICOM.
        var type = HeaderUtilities.RemoveQuotes(media.Parameters.FirstOrDefault(p => p.Name.Equals("type", StringComparison.OrdinalIgnoreCase))?.Value ?? default);
        if (type.Length > 0 && !type.Equals(DicomPart, StringComparison.OrdinalIgnoreCase))
        {
            throw new DicomWebRequestException(StatusCodes.Status415UnsupportedMediaType,
                $"multipart/related of type {type} is not supported; only {DicomPart} parts are");
        }
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary);
        if (boundary.Length == 0 || boundary.Length > 200)
        {
            throw new DicomWebRequestException(StatusCodes.Status400BadRequest, "Content-Type has no usable multipart boundary");
        }
        return boundary.ToString();
    }

    /// <summary>A part without its own Content-Type inherits the request's type (application/dicom).</summary>
    public static bool IsDicomPart(string? partContentType) =>
        string.IsNullOrWhiteSpace(partContentType)
        || (MediaTypeHeaderValue.TryParse(partContentType, out var media) && media.MediaType.Equals(DicomPart, StringComparison.OrdinalIgnoreCase));
}
