using System.Net.Http.Headers;
using System.Text;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>Builds a STOW-RS request body by hand, byte for byte, so tests control every header and boundary.</summary>
public sealed class MultipartDicomBody
{
    public const string Boundary = "ampacds-test-boundary-7f3a";
    private readonly MemoryStream _body = new();

    public MultipartDicomBody Part(byte[] content, string contentType = "application/dicom")
    {
        Write($"--{Boundary}\r\nContent-Type: {contentType}\r\n\r\n");
        _body.Write(content);
        Write("\r\n");
        return this;
    }

    public byte[] ToBytes()
    {
        var copy = new MemoryStream();
        _body.Position = 0;
        _body.CopyTo(copy);
        copy.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        return copy.ToArray();
    }

    public ByteArrayContent ToContent(string? mediaType = null)
    {
        var content = new ByteArrayContent(ToBytes());
        content.Headers.TryAddWithoutValidation("Content-Type",
            mediaType ?? $"multipart/related; type=\"application/dicom\"; boundary={Boundary}");
        return content;
    }

    private void Write(string text) => _body.Write(Encoding.ASCII.GetBytes(text));
}
