using System.Net.Sockets;

namespace AmpaCds.Dicom.Network;

/// <summary>Client side of one association: open with negotiation, send requests and await responses, release.</summary>
internal sealed class DicomClientAssociation : IAsyncDisposable
{
    private readonly DicomChannel _channel;
    private readonly TimeSpan _timeout;
    private ushort _nextMessageId = 1;

    private DicomClientAssociation(DicomChannel channel, TimeSpan timeout, IReadOnlyList<PresentationContext> accepted)
    {
        _channel = channel;
        _timeout = timeout;
        Accepted = accepted;
    }

    /// <summary>Accepted contexts, with the abstract syntax filled in from our proposal.</summary>
    public IReadOnlyList<PresentationContext> Accepted { get; }

    public static async Task<DicomClientAssociation> OpenAsync(DicomClient client, IReadOnlyList<PresentationContext> proposed, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        DicomChannel? channel = null;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connectTimeout.CancelAfter(client.Timeout);
                await socket.ConnectAsync(client.Host, client.Port, connectTimeout.Token);
            }
            channel = client.Tls is { } tls
                ? new DicomChannel(socket, await tls.AuthenticateAsync(socket, client.Timeout, ct), client.MaxPduLength)
                : new DicomChannel(socket, client.MaxPduLength);
            await channel.SendPduAsync(PduWriter.AssociateRequest(new AssociationParameters
            {
                CalledAeTitle = client.CalledAeTitle,
                CallingAeTitle = client.CallingAeTitle,
                PresentationContexts = proposed,
                MaxPduLength = client.MaxPduLength,
            }), ct);
            var answer = await channel.ReceiveAsync(client.Timeout, ct);
            switch (answer.Type)
            {
                case PduType.AssociateAccept:
                    var accept = PduReader.Associate(answer.Body!, isAccept: true);
                    channel.PeerMaxPdu = accept.MaxPduLength;
                    channel.IsAssociated = true;
                    var accepted = accept.PresentationContexts
                        .Where(pc => pc.Result == PresentationContextResult.Acceptance)
                        .Select(pc => pc with { AbstractSyntax = proposed.First(p => p.Id == pc.Id).AbstractSyntax })
                        .ToList();
                    return new DicomClientAssociation(channel, client.Timeout, accepted);
                case PduType.AssociateReject:
                    throw new DicomAssociationRejectedException(PduReader.Reject(answer.Body!));
                case PduType.Abort:
                    throw new DicomNetworkException("Association aborted by peer during negotiation.");
                default:
                    throw new DicomNetworkException($"Unexpected answer to A-ASSOCIATE-RQ: {(answer.IsClosed ? "connection closed" : answer.Type)}.");
            }
        }
        catch
        {
            if (channel is not null) await channel.DisposeAsync();
            else socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one request and waits for its response command.</summary>
    public async Task<DicomDataset> RequestAsync(byte pcId, Func<ushort, DicomDataset> command, ReadOnlyMemory<byte>? dataSet, CancellationToken ct)
    {
        var messageId = await SendRequestAsync(pcId, command, dataSet, ct);
        return (await ReceiveResponseAsync(messageId, ct)).Command;
    }

    /// <summary>Sends a request without waiting; returns its message id for <see cref="ReceiveResponseAsync"/>.</summary>
    public async Task<ushort> SendRequestAsync(byte pcId, Func<ushort, DicomDataset> command, ReadOnlyMemory<byte>? dataSet, CancellationToken ct)
    {
        var messageId = _nextMessageId++;
        await _channel.SendMessageAsync(pcId, command(messageId), dataSet, ct);
        return messageId;
    }

    /// <summary>Waits for the next response to <paramref name="messageId"/> (C-FIND/C-MOVE send several, all but the last pending).</summary>
    public async Task<DimseMessage> ReceiveResponseAsync(ushort messageId, CancellationToken ct)
    {
        var answer = await _channel.ReceiveAsync(_timeout, ct);
        if (answer.Type == PduType.PData)
        {
            var respondedTo = DimseCommand.GetUShort(answer.Message!.Command, DimseCommand.MessageIdBeingRespondedTo);
            if (respondedTo != messageId)
                throw new DicomNetworkException($"Response is for message {respondedTo}, expected {messageId}.");
            return answer.Message;
        }
        if (answer.Type == PduType.Abort)
        {
            var (source, reason) = PduReader.Abort(answer.Body!);
            throw new DicomNetworkException($"Association aborted by peer (source {source}, reason {reason}).");
        }
        throw new DicomNetworkException($"Unexpected {(answer.IsClosed ? "connection close" : answer.Type.ToString())} while waiting for a response.");
    }

    public async Task ReleaseAsync(CancellationToken ct)
    {
        await _channel.SendPduAsync(PduWriter.ReleaseRequest(), ct);
        var answer = await _channel.ReceiveAsync(_timeout, ct);
        if (answer.Type != PduType.ReleaseResponse && !answer.IsClosed)
            throw new DicomNetworkException($"Expected A-RELEASE-RP, got {answer.Type}.");
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();
}
