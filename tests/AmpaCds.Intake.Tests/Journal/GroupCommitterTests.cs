using System.Collections.Concurrent;
using AmpaCds.Intake.Storage.Journal;

namespace AmpaCds.Intake.Tests.Journal;

/// <summary>
/// The group committer with a flush the test controls: the first flush is held until every other
/// writer has enlisted, so which flush covers which writer is decided by the test, not by timing.
/// </summary>
public sealed class GroupCommitterTests
{
    private const int Writers = 32;

    [Fact]
    public async Task ConcurrentWritersShareFlushesAndEachIsReleasedOnlyByAFlushStartedAfterItsWrite()
    {
        var flushesStarted = 0;
        using var firstFlushEntered = new ManualResetEventSlim();
        using var releaseFirstFlush = new ManualResetEventSlim();
        var coveredBy = new ConcurrentDictionary<int, int>();   // writer -> the flush (1-based) after which it was handed on
        var startedBeforeWrite = new ConcurrentDictionary<int, int>(); // writer -> flushes already started when it enlisted
        GroupCommitter<int>? committer = null;
        committer = new GroupCommitter<int>(
            flush: () =>
            {
                if (Interlocked.Increment(ref flushesStarted) == 1)
                {
                    firstFlushEntered.Set();
                    releaseFirstFlush.Wait();
                }
            },
            durable: (batch, _) =>
            {
                foreach (var writer in batch)
                {
                    coveredBy[writer] = Volatile.Read(ref flushesStarted);
                }
            });
        var gate = new Lock(); // the caller's append lock: enlistment happens in journal order

        GroupCommitter<int>.Waiter Enlist(int writer)
        {
            lock (gate)
            {
                startedBeforeWrite[writer] = Volatile.Read(ref flushesStarted);
                return committer!.Enlist(writer);
            }
        }

        // Writer 0 leads and blocks inside the first flush, on its own thread.
        var first = Task.Run(() => committer.CommitAsync(Enlist(0)));
        firstFlushEntered.Wait();
        var others = Enumerable.Range(1, Writers - 1).Select(writer => committer.CommitAsync(Enlist(writer))).ToList();

        Assert.All(others, task => Assert.False(task.IsCompleted)); // enlisted during a flush: not covered by it
        Assert.False(first.IsCompleted);
        releaseFirstFlush.Set();
        await first;
        await Task.WhenAll(others);

        Assert.Equal(2, committer.Flushes); // 32 writers, two flushes: the first for writer 0, one for all the others
        Assert.Equal(Writers, coveredBy.Count);
        Assert.Equal(1, coveredBy[0]);
        Assert.All(Enumerable.Range(1, Writers - 1), writer => Assert.Equal(2, coveredBy[writer]));
        Assert.All(Enumerable.Range(0, Writers), writer => Assert.True(coveredBy[writer] > startedBeforeWrite[writer],
            $"writer {writer} was released by flush {coveredBy[writer]}, which started before its write ({startedBeforeWrite[writer]} had started)"));
        Assert.True(committer.Idle);
    }

    [Fact]
    public void ALoneWriterIsFlushedAtOnceOnItsOwnThreadWithoutWaitingForCompany()
    {
        var flushThread = 0;
        var committer = new GroupCommitter<string>(() => flushThread = Environment.CurrentManagedThreadId, (_, _) => { });

        var task = committer.CommitAsync(committer.Enlist("only"));

        Assert.True(task.IsCompletedSuccessfully); // completed before CommitAsync returned: no timer, no hand-over
        Assert.Equal(Environment.CurrentManagedThreadId, flushThread);
        Assert.Equal(1, committer.Flushes);
    }

    [Fact]
    public async Task AFailedFlushFailsEveryWaiterOfItsBatchWithTheErrorAndTheJournalRewindsToTheBatchStart()
    {
        var failing = true;
        var handedOn = new List<string>();
        var committer = new GroupCommitter<string>(
            () =>
            {
                if (failing)
                {
                    throw new IOException("fdatasync failed with errno 5");
                }
            },
            (batch, _) => handedOn.AddRange(batch));
        // Three records written before anyone leads: one batch.
        var waiters = new[] { "a", "b", "c" }.Select(committer.Enlist).ToList();

        var tasks = waiters.Select(committer.CommitAsync).ToList();

        foreach (var task in tasks)
        {
            var error = await Assert.ThrowsAsync<IOException>(() => task);
            Assert.Equal("fdatasync failed with errno 5", error.Message);
        }
        Assert.Empty(handedOn); // no file is written for a record whose flush failed
        Assert.Equal(0, committer.Flushes);

        // Written before the caller rewound the journal: fails at once, it lies past the failed records.
        var late = committer.Enlist("late");
        await Assert.ThrowsAsync<IOException>(() => committer.CommitAsync(late));

        Assert.True(committer.TakeRewind(out var rewindTo));
        Assert.Equal("a", rewindTo);
        Assert.False(committer.TakeRewind(out _));

        failing = false;
        await committer.CommitAsync(committer.Enlist("d"));
        Assert.Equal(["d"], handedOn);
        Assert.Equal(1, committer.Flushes);
    }
}
