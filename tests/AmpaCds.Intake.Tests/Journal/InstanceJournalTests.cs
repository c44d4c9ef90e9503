using AmpaCds.Intake.Storage.Journal;

namespace AmpaCds.Intake.Tests.Journal;

public sealed class InstanceJournalTests : IDisposable
{
    private const long SegmentBytes = 1 << 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ampacds-journal-" + Guid.NewGuid().ToString("N")[..8]);

    private static byte[] Instance(int index) => Enumerable.Range(0, 30_000).Select(i => (byte)(i + index)).ToArray();

    [Fact]
    public void RecordsPastTheCheckpointAreReadBackInOrderAfterAReopen()
    {
        using (var journal = OpenStarted())
        {
            for (var index = 0; index < 5; index++)
            {
                Assert.True(journal.TryAppend($"k/{index}", Instance(index)));
            }
        }
        using var reopened = InstanceJournal.Open(_folder, SegmentBytes);
        var entries = reopened.Uncheckpointed().ToList();

        Assert.Equal(["k/0", "k/1", "k/2", "k/3", "k/4"], entries.Select(entry => entry.Key));
        Assert.Equal(Instance(3), entries[3].Payload.ToArray());
    }

    [Fact]
    public void RecordsBeforeTheCheckpointAreNotReplayed()
    {
        using (var journal = OpenStarted())
        {
            Assert.True(journal.TryAppend("k/0", Instance(0)));
            Assert.True(journal.TryAppend("k/1", Instance(1)));
            journal.SaveCheckpoint(journal.Position);
            Assert.True(journal.TryAppend("k/2", Instance(2)));
        }
        using var reopened = InstanceJournal.Open(_folder, SegmentBytes);
        Assert.Equal(["k/2"], reopened.Uncheckpointed().Select(entry => entry.Key));
    }

    [Fact]
    public void ATornLastRecordIsDroppedAndTheOnesBeforeItKept()
    {
        using (var journal = OpenStarted())
        {
            Assert.True(journal.TryAppend("k/0", Instance(0)));
            Assert.True(journal.TryAppend("k/1", Instance(1)));
        }
        // The second record's write "stopped half way": its last pages still hold what was there before.
        var segment = Directory.GetFiles(_folder, "segment-*.wal").Single(path => JournalSegment.ReadGeneration(path) == 1);
        using (var file = new FileStream(segment, FileMode.Open, FileAccess.Write))
        {
            var secondRecordEnd = JournalSegment.DataStart + 2L * JournalRecordFormat.EncodedLength(3, 30_000);
            file.Position = secondRecordEnd - 8192;
            file.Write(new byte[8192]);
        }
        using var reopened = InstanceJournal.Open(_folder, SegmentBytes);
        Assert.Equal(["k/0"], reopened.Uncheckpointed().Select(entry => entry.Key));
    }

    [Fact]
    public void ANewGenerationMakesTheOldRecordsOfItsSegmentStale()
    {
        using var journal = OpenStarted();          // generation 1 in segment B
        Assert.True(journal.TryAppend("old/0", Instance(0)));
        journal.StartNextGeneration();               // generation 2 in segment A
        journal.SaveCheckpoint(journal.Position);    // everything so far is in its file
        journal.StartNextGeneration();               // generation 3 in segment B again, over "old/0"
        Assert.True(journal.TryAppend("new/0", Instance(1)));

        Assert.Equal(["new/0"], journal.Uncheckpointed().Select(entry => entry.Key));
    }

    [Fact]
    public void RecordsOfTheSegmentJustLeftStayReplayableUntilTheCheckpointPassesThem()
    {
        using (var journal = OpenStarted())      // generation 1
        {
            Assert.True(journal.TryAppend("g1/0", Instance(0)));
            journal.StartNextGeneration();        // generation 2: allowed, the other segment was unused
            Assert.True(journal.TryAppend("g2/0", Instance(1)));
            // Reusing generation 1's segment now would overwrite "g1/0", whose file is not durable yet.
            Assert.False(journal.OtherSegmentReusable);
            Assert.Throws<InvalidOperationException>(journal.StartNextGeneration);
        }
        using var reopened = InstanceJournal.Open(_folder, SegmentBytes);
        Assert.Equal(["g1/0", "g2/0"], reopened.Uncheckpointed().Select(entry => entry.Key));
    }

    [Fact]
    public void ASecondOpenOfTheSameJournalFailsWithAClearReason()
    {
        using var journal = OpenStarted();
        var error = Assert.Throws<IOException>(() => InstanceJournal.Open(_folder, SegmentBytes));
        Assert.Contains("in use by another Intake process", error.Message);
    }

    private InstanceJournal OpenStarted()
    {
        var journal = InstanceJournal.Open(_folder, SegmentBytes);
        journal.CompleteRecovery();
        return journal;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
