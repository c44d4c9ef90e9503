using System.Threading.Channels;

namespace AmpaCds.Intake.Series;

/// <summary>
/// Hands completed series from the DICOM associations to the publisher, so the sender's last
/// C-STORE response never waits on the broker.
/// </summary>
public sealed class SeriesCompletionQueue
{
    private readonly Channel<CompletedSeries> _channel = Channel.CreateUnbounded<CompletedSeries>();

    public void Enqueue(CompletedSeries series) => _channel.Writer.TryWrite(series);

    public IAsyncEnumerable<CompletedSeries> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
