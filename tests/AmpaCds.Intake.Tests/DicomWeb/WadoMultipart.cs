using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>One part of a WADO-RS multipart/related response: its Content-Type and body bytes.</summary>
public sealed record WadoPart(string? ContentType, byte[] Bytes);

/// <summary>Splits a multipart/related response into parts by the boundary its Content-Type names.</summary>
public static class WadoMultipart
{
    public static async Task<IReadOnlyList<WadoPart>> ReadAsync(HttpResponseMessage response)
    {
        var contentType = response.Content.Headers.ContentType ?? throw new InvalidOperationException("the response has no Content-Type");
        var boundary = Parameter(contentType, "boundary") ?? throw new InvalidOperationException($"no boundary in {contentType}");
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync());
        var parts = new List<WadoPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new WadoPart(section.ContentType, bytes.ToArray()));
        }
        return parts;
    }

    public static string? Parameter(MediaTypeHeaderValue contentType, string name) =>
        contentType.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
}
