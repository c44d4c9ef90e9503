using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>
/// Accept negotiation for WADO-RS instance retrieval (PS3.18 8.7.3). Intake produces multipart/related;
/// type="application/dicom" in the syntax each instance was stored in, or in Explicit VR Little Endian
/// when the client names that syntax (WadoRetrieve.PlanAsync); no rendered or single-part media types.
/// </summary>
public static class WadoAccept
{
    public const string DicomPart = "application/dicom";
    public const string AnySyntax = "*";

    /// <summary>
    /// The transfer syntaxes the client accepts, or null when any stored syntax will do (no Accept,
    /// a wildcard, no transfer-syntax parameter, or transfer-syntax=*). Throws a 406
    /// <see cref="DicomWebRequestException"/> when no media range allows a DICOM multipart response.
    /// </summary>
    public static IReadOnlySet<string>? AcceptedSyntaxes(HttpRequest request)
    {
        var header = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(header))
        {
            return null;
        }
        var syntaxes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in header.SelectMany(value => SplitOutsideQuotes(value ?? "", ',')).Select(MediaRange.Parse))
        {
            if (range.Quality <= 0 || !AllowsDicomMultipart(range))
            {
                continue;
            }
            var syntax = range.Parameter("transfer-syntax");
            if (syntax.Length == 0 || syntax == AnySyntax)
            {
                return null;
            }
            syntaxes.Add(syntax);
        }
        if (syntaxes.Count == 0)
        {
            throw new DicomWebRequestException(StatusCodes.Status406NotAcceptable,
                $"Accept '{header}' allows no response Intake produces: only multipart/related; type=\"{DicomPart}\" (transfer-syntax=*, the stored syntax or 1.2.840.10008.1.2.1)");
        }
        return syntaxes;
    }

    private static bool AllowsDicomMultipart(MediaRange range)
    {
        if (range.MediaType is "*/*" or "multipart/*")
        {
            return true;
        }
        if (range.MediaType != "multipart/related")
        {
            return false;
        }
        // A missing type means application/dicom for retrieve (PS3.18 8.7.3.5).
        var type = range.Parameter("type");
        return type.Length == 0 || type.Equals(DicomPart, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, char separator)
    {
        var start = 0;
        var quoted = false;
        for (var index = 0; index <= text.Length; index++)
        {
            if (index == text.Length || (text[index] == separator && !quoted))
            {
                var piece = text[start..index].Trim();
                if (piece.Length > 0)
                {
                    yield return piece;
                }
                start = index + 1;
            }
            else if (text[index] == '"')
            {
                quoted = !quoted;
            }
        }
    }

    /// <summary>
    /// One media range. Parsed by hand rather than with MediaTypeHeaderValue, which misreads the unquoted
    /// type=application/dicom that PS3.18's own examples and many DICOMweb clients send ('/' is not a token character).
    /// </summary>
    private sealed record MediaRange(string MediaType, IReadOnlyDictionary<string, string> Parameters, double Quality)
    {
        public static MediaRange Parse(string text)
        {
            var pieces = SplitOutsideQuotes(text, ';').ToList();
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var piece in pieces.Skip(1))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    parameters[piece[..equals].Trim()] = piece[(equals + 1)..].Trim().Trim('"');
                }
            }
            var quality = parameters.TryGetValue("q", out var q)
                && double.TryParse(q, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
            return new MediaRange(pieces.Count > 0 ? pieces[0].ToLowerInvariant() : "", parameters, quality);
        }

        public string Parameter(string name) => Parameters.GetValueOrDefault(name, "");
    }
}
