using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Dicom.Network;

/// <summary>One server-side connection: negotiation, then the DIMSE message loop until release or abort.</summary>
internal sealed class DicomServerAssociation(DicomServer server, Socket socket)
{
    private readonly DicomServerOptions _options = server.Options;
    private readonly ILogger _logger = server.Logger;
    private readonly Dictionary<byte, PresentationContext> _accepted = [];
    private DicomAssociationInfo _info = new("", "", socket.RemoteEndPoint);

    public async Task RunAsync(CancellationToken ct)
    {
        if (await OpenChannelAsync(ct) is not { } channel) return;
        await using (channel)
        {
            await RunAsync(channel, ct);
        }
    }

    /// <summary>The plain connection, or the stream <see cref="DicomServerOptions.ConnectionSecurity"/> made of it; null when it refused the peer.</summary>
    private async Task<DicomChannel?> OpenChannelAsync(CancellationToken ct)
    {
        if (_options.ConnectionSecurity is not { } secure)
            return new DicomChannel(socket, _options.MaxPduLength) { MaxDataSetLength = _options.MaxDataSetLength };
        Stream? stream = null;
        try
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(ct);
            handshake.CancelAfter(_options.ArtimTimeout);
            stream = await secure(socket, handshake.Token);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Securing the connection from {Remote} failed: {Reason}", _info.RemoteEndPoint, ex.Message);
        }
        if (stream is null)
        {
            socket.Dispose();
            return null;
        }
        return new DicomChannel(socket, stream, _options.MaxPduLength) { MaxDataSetLength = _options.MaxDataSetLength };
    }

    private async Task RunAsync(DicomChannel channel, CancellationToken ct)
    {
        var entered = false;
        var aborted = true;
        try
        {
            var first = await channel.ReceiveAsync(_options.ArtimTimeout, ct);
            if (first.IsClosed) return;
            if (first.Type != PduType.AssociateRequest)
                throw new DicomFormatException($"Malformed PDU: expected A-ASSOCIATE-RQ, got {first.Type}.");
            var request = PduReader.Associate(first.Body!, isAccept: false);
            _info = new DicomAssociationInfo(request.CallingAeTitle, request.CalledAeTitle, channel.RemoteEndPoint);
            if (Check(request) is { } rejection)
            {
                await RejectAsync(channel, rejection, ct);
                return;
            }
            entered = true;
            await AcceptAsync(channel, request, ct);
            aborted = !await MessageLoopAsync(channel, ct);
        }
        catch (DicomFormatException ex)
        {
            _logger.LogWarning("Aborting association from {Remote}: {Reason}", _info.RemoteEndPoint, ex.Message);
            await TrySendAsync(channel, PduWriter.Abort(2, 6), ct); // service-provider, invalid PDU parameter
        }
        catch (TimeoutException ex)
        {
            _logger.LogInformation("Closing idle connection from {Remote}: {Reason}", _info.RemoteEndPoint, ex.Message);
            await TrySendAsync(channel, PduWriter.Abort(2, 0), ct);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Connection from {Remote} ended: {Reason}", _info.RemoteEndPoint, ex.Message);
        }
        finally
        {
            if (entered)
            {
                server.ExitAssociation();
                SafeHook(() => server.Handler.OnAssociationClosed(_info, aborted));
            }
        }
    }

    private AssociationRejection? Check(AssociationParameters request)
    {
        if (!string.Equals(request.CalledAeTitle, _options.AeTitle, StringComparison.Ordinal))
            return AssociationRejection.CalledAeNotRecognized;
        if (_options.AllowedCallingAeTitles.Count > 0 && !_options.AllowedCallingAeTitles.Contains(request.CallingAeTitle))
            return AssociationRejection.CallingAeNotRecognized;
        if (_options.AssociationFilter?.Invoke(_info) is { } vetoed)
            return vetoed;
        if (request.ApplicationContextName != AssociationParameters.DicomApplicationContext)
            return AssociationRejection.ApplicationContextNotSupported;
        return server.TryEnterAssociation() ? null : AssociationRejection.LocalLimitExceeded;
    }

    private async Task RejectAsync(DicomChannel channel, AssociationRejection rejection, CancellationToken ct)
    {
        _logger.LogWarning("Rejected association {Calling} -> {Called} from {Remote}: {Rejection}",
            _info.CallingAeTitle, _info.CalledAeTitle, _info.RemoteEndPoint, rejection);
        SafeHook(() => server.Handler.OnAssociationRejected(_info, rejection));
        await TrySendAsync(channel, PduWriter.AssociateReject(rejection), ct);
    }

    private async Task AcceptAsync(DicomChannel channel, AssociationParameters request, CancellationToken ct)
    {
        var supported = new HashSet<string>(server.Handler.SupportedSopClasses.Concat(server.Handler.SupportedQuerySopClasses), StringComparer.Ordinal)
        {
            DicomUids.Verification,
        };
        var results = PresentationContextNegotiator.Negotiate(request.PresentationContexts, supported, _options.TransferSyntaxes);
        foreach (var pc in results.Where(pc => pc.Result == PresentationContextResult.Acceptance)) _accepted[pc.Id] = pc;
        channel.PeerMaxPdu = request.MaxPduLength;
        var accept = request with
        {
            PresentationContexts = results,
            MaxPduLength = _options.MaxPduLength,
            ImplementationClassUid = DicomImplementation.ClassUid,
            ImplementationVersionName = DicomImplementation.VersionName,
        };
        await channel.SendPduAsync(PduWriter.AssociateAccept(accept), ct);
        channel.IsAssociated = true;
        _logger.LogInformation("Accepted association {Calling} -> {Called} from {Remote} ({Accepted}/{Proposed} contexts, peer max PDU {MaxPdu})",
            _info.CallingAeTitle, _info.CalledAeTitle, _info.RemoteEndPoint, _accepted.Count, results.Count, request.MaxPduLength);
        SafeHook(() => server.Handler.OnAssociationAccepted(_info));
    }

    /// <summary>Returns true on orderly release, false on abort or disconnect.</summary>
    private async Task<bool> MessageLoopAsync(DicomChannel channel, CancellationToken ct)
    {
        while (true)
        {
            var evt = await channel.ReceiveAsync(_options.ArtimTimeout, ct);
            if (evt.IsClosed) return false;
            switch (evt.Type)
            {
                case PduType.PData:
                    await HandleMessageAsync(channel, evt.Message!, ct);
                    break;
                case PduType.ReleaseRequest:
                    await channel.SendPduAsync(PduWriter.ReleaseResponse(), ct);
                    return true;
                case PduType.Abort:
                    _logger.LogInformation("Association from {Calling} aborted by peer", _info.CallingAeTitle);
                    return false;
                default:
                    throw new DicomFormatException($"Malformed PDU: unexpected {evt.Type} during an established association.");
            }
        }
    }

    private async Task HandleMessageAsync(DicomChannel channel, DimseMessage message, CancellationToken ct)
    {
        if (!_accepted.TryGetValue(message.PresentationContextId, out var pc))
            throw new DicomFormatException($"Malformed PDU: message on presentation context {message.PresentationContextId}, which was not accepted.");
        var command = message.Command;
        var field = DimseCommand.GetUShort(command, DimseCommand.CommandField);
        switch (field)
        {
            case DimseCommandField.CCancelRequest:
                return; // no response (PS3.7 9.3.2.3); every C-FIND here is answered in full before the next message is read
            case DimseCommandField.CFindRequest when server.Handler.SupportedQuerySopClasses.Contains(pc.AbstractSyntax):
                await FindAsync(channel, pc, message, ct);
                return;
        }
        var (status, comment) = field switch
        {
            DimseCommandField.CEchoRequest => (DicomStatus.Success, null),
            DimseCommandField.CStoreRequest => await StoreAsync(pc, message, ct),
            _ => (DicomStatus.UnrecognizedOperation, $"Command field 0x{field:X4} is not supported"),
        };
        await channel.SendMessageAsync(message.PresentationContextId, DimseCommand.Response(command, status, comment), null, ct);
    }

    /// <summary>C-FIND SCP: the handler's matches as pending responses in the context's syntax, then the final status.</summary>
    private async Task FindAsync(DicomChannel channel, PresentationContext pc, DimseMessage message, CancellationToken ct)
    {
        var syntax = TransferSyntax.Parse(pc.AcceptedTransferSyntax!);
        var result = await QueryAsync(pc, message, syntax, ct);
        foreach (var match in result.Matches)
        {
            await channel.SendMessageAsync(message.PresentationContextId, DimseCommand.PendingResponse(message.Command, result.PendingStatus),
                DicomDatasetWriter.Write(match, syntax), ct);
        }
        await channel.SendMessageAsync(message.PresentationContextId, DimseCommand.Response(message.Command, result.Status, result.Comment), null, ct);
    }

    private async Task<CFindResult> QueryAsync(PresentationContext pc, DimseMessage message, TransferSyntax syntax, CancellationToken ct)
    {
        try
        {
            if (message.DataSet is not { } data)
                return CFindResult.Refused(DicomStatus.DatasetDoesNotMatchSopClass, "C-FIND request without an identifier");
            var request = new CFindRequest(message.Command.GetString(DimseCommand.AffectedSopClassUid) ?? pc.AbstractSyntax,
                DicomDatasetReader.Read(data, syntax), _info.CallingAeTitle, _info.RemoteEndPoint);
            return await server.Handler.OnCFindAsync(request, ct);
        }
        catch (DicomFormatException ex)
        {
            _logger.LogWarning("C-FIND identifier from {Calling} could not be parsed: {Reason}", _info.CallingAeTitle, ex.Message);
            return CFindResult.Refused(DicomStatus.CannotUnderstand, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(ex, "C-FIND handler failed for {Calling}", _info.CallingAeTitle);
            return CFindResult.Refused(DicomStatus.CannotUnderstand, ex.Message);
        }
    }

    private async Task<(ushort, string?)> StoreAsync(PresentationContext pc, DimseMessage message, CancellationToken ct)
    {
        var request = new CStoreRequest
        {
            AffectedSopClassUid = message.Command.GetString(DimseCommand.AffectedSopClassUid) ?? pc.AbstractSyntax,
            AffectedSopInstanceUid = message.Command.GetString(DimseCommand.AffectedSopInstanceUid) ?? "",
            TransferSyntaxUid = pc.AcceptedTransferSyntax!,
            DatasetBytes = message.DataSet ?? ReadOnlyMemory<byte>.Empty,
            CallingAeTitle = _info.CallingAeTitle,
            CalledAeTitle = _info.CalledAeTitle,
            RemoteEndPoint = _info.RemoteEndPoint,
            MessageId = DimseCommand.GetUShort(message.Command, DimseCommand.MessageId),
        };
        try
        {
            return (await server.Handler.OnCStoreAsync(request, ct), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogError(ex, "C-STORE handler failed for {SopInstance}", request.AffectedSopInstanceUid);
            return (DicomStatus.CannotUnderstand, ex.Message);
        }
    }

    private async Task TrySendAsync(DicomChannel channel, byte[] pdu, CancellationToken ct)
    {
        try { await channel.SendPduAsync(pdu, ct); }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Could not send {Type} to {Remote}: {Reason}", (PduType)pdu[0], _info.RemoteEndPoint, ex.Message);
        }
    }

    private void SafeHook(Action hook)
    {
        try { hook(); }
        catch (Exception ex) { _logger.LogError(ex, "Association audit hook failed"); }
    }
}
