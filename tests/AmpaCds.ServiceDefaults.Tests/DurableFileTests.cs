using System.Text.Json;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.ServiceDefaults.Tests;

public sealed class DurableFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-durable-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void WritesIntoAFolderItCreatesAndReplacesTheWholeFile()
    {
        var path = Path.Combine(_folder, "a", "b", "record.json");

        DurableFile.WriteAllText(path, "a much longer first version");
        DurableFile.WriteAllText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
        Assert.Equal(["record.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task JsonAndBytesAsyncRoundTrip()
    {
        var json = Path.Combine(_folder, "card.json");
        var bytes = Path.Combine(_folder, "blob.bin");

        await DurableFile.WriteJsonAsync(json, new Card("k2", 3));
        DurableFile.WriteJson(json + ".sync", new Card("k3", 4));
        await DurableFile.WriteAllBytesAsync(bytes, new byte[] { 1, 2, 3 });

        Assert.Equal(new Card("k2", 3), JsonSerializer.Deserialize<Card>(File.ReadAllText(json)));
        Assert.Equal(new Card("k3", 4), JsonSerializer.Deserialize<Card>(File.ReadAllText(json + ".sync")));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(bytes));
    }

    [Fact]
    public async Task AWriteThatFailsMidwayLeavesTheOldFileIntactAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "report.html");
        DurableFile.WriteAllText(path, "old report");

        var failure = await Assert.ThrowsAsync<IOException>(() =>
            DurableFile.WriteStreamAsync(path, new FailingStream(bytesBeforeFailure: 70_000)));

        Assert.Equal("disk pulled", failure.Message);
        Assert.Equal("old report", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task ACallbackThatThrowsLeavesNoFileWhereNoneWas()
    {
        var path = Path.Combine(_folder, "new.bin");

        await Assert.ThrowsAsync<InvalidOperationException>(() => DurableFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync(new byte[4096], token);
            throw new InvalidOperationException("serialiser failed");
        }));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed record Card(string Version, int Members);

    /// <summary>Gives zeros, then throws: a source that fails while the target is being written.</summary>
    private sealed class FailingStream(long bytesBeforeFailure) : Stream
    {
        private long _given;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= bytesBeforeFailure)
            {
                throw new IOException("disk pulled");
            }
            var length = (int)Math.Min(count, bytesBeforeFailure - _given);
            Array.Clear(buffer, offset, length);
            _given += length;
            return length;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
