using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.ServiceDefaults.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ampacds-blobs-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task StoredBytesReadBackAndListUnderTheirPrefixInOrder()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("studies/1.2/1.2.3/instances/b.dcm", new byte[] { 2 });
        await store.PutAsync("studies/1.2/1.2.3/instances/a.dcm", new byte[] { 1, 2, 3 });
        await store.PutAsync("studies/1.2/1.2.4/instances/c.dcm", new byte[] { 9 });

        Assert.Equal(new byte[] { 1, 2, 3 }, await store.GetAsync("studies/1.2/1.2.3/instances/a.dcm"));
        Assert.Equal(["studies/1.2/1.2.3/instances/a.dcm", "studies/1.2/1.2.3/instances/b.dcm"], store.List("studies/1.2/1.2.3/"));
        Assert.Empty(store.List("studies/9.9/"));
    }

    [Fact]
    public async Task RewritingAKeyReplacesItWhole()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("x/y.bin", new byte[100]);
        await store.PutAsync("x/y.bin", new byte[] { 7 });
        Assert.Equal(new byte[] { 7 }, await store.GetAsync("x/y.bin"));
    }

    [Fact]
    public void LeftoverPartialWritesAreNeverListed()
    {
        var store = new FileSystemBlobStore(_root);
        Directory.CreateDirectory(Path.Combine(_root, "x"));
        File.WriteAllBytes(Path.Combine(_root, "x", "y.bin.0123.partial"), [1]);
        Assert.Empty(store.List("x/"));
    }

    [Fact]
    public async Task StreamsInAndOutWithExistsListAndDelete()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("reports/1.2/run.html", new MemoryStream([5, 6, 7, 8]));

        Assert.True(await store.ExistsAsync("reports/1.2/run.html"));
        Assert.Equal(["reports/1.2/run.html"], await store.ListAsync("reports/"));
        await using (var read = await store.OpenReadAsync("reports/1.2/run.html"))
        {
            Assert.True(read.CanSeek);
            Assert.Equal(4, read.Length);
            var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(new byte[] { 5, 6, 7, 8 }, copy.ToArray());
        }

        await store.DeleteAsync("reports/1.2/run.html");
        await store.DeleteAsync("reports/1.2/run.html");
        Assert.False(await store.ExistsAsync("reports/1.2/run.html"));
        Assert.Empty(await store.ListAsync("reports/"));
    }

    [Fact]
    public async Task OpeningAMissingKeyIsFileNotFoundEvenWhenItsFolderIsMissing()
    {
        var store = new FileSystemBlobStore(_root);
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync("nowhere/x.dcm"));
        await store.PutAsync("somewhere/y.dcm", new byte[] { 1 });
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync("somewhere/x.dcm"));
    }

    [Fact]
    public void TheJournalsLocalFolderIsUnderTheRootAndRefusesEscapes()
    {
        var store = new FileSystemBlobStore(_root);
        Assert.Equal(Path.Combine(Path.GetFullPath(_root), ".intake-journal"), store.OwnLocalFolder(".intake-journal"));
        Assert.Throws<BlobKeyException>(() => store.OwnLocalFolder("../elsewhere"));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public async Task KeysThatCouldEscapeTheRootAreRefused(string key)
    {
        var store = new FileSystemBlobStore(_root);
        await Assert.ThrowsAsync<BlobKeyException>(() => store.PutAsync(key, new byte[] { 1 }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
