using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace AmpaCds.Dicom.Network;

/// <summary>
/// PDU framing over one TCP connection: reads PDUs (reassembling P-DATA fragments straight into the
/// final buffers) and writes DIMSE messages split into PDVs that respect the peer's maximum PDU length.
/// </summary>
internal sealed class DicomChannel : IAsyncDisposable
{
    private const int MaxControlPduLength = 1 << 20;
    private const int UnlimitedPduChunk = 256 * 1024;
    private const int MaxCommandLength = 64 * 1024; // command sets are a few hundred bytes; more is an attack or a bug

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly BufferedStream _input;
    private readonly byte[] _header = new byte[6];
    private readonly GrowableBuffer _command = new(1024);
    private GrowableBuffer _dataSet = new(0);
    private DicomDataset? _pendingCommand;
    private bool _dataSetComplete;
    private byte _presentationContextId;

    public DicomChannel(Socket socket, uint maxIncomingPdu)
        : this(socket, new NetworkStream(socket, ownsSocket: true), maxIncomingPdu)
    {
    }

    /// <summary>PDUs over <paramref name="stream"/> (e.g. TLS) on top of <paramref name="socket"/>; the stream must own the socket.</summary>
    public DicomChannel(Socket socket, Stream stream, uint maxIncomingPdu)
    {
        socket.NoDelay = true; // PDUs are request/response; Nagle + delayed ACK would add ~40 ms per message
        _socket = socket;
        _stream = stream;
        _input = new BufferedStream(_stream, 64 * 1024);
        MaxIncomingPdu = maxIncomingPdu;
    }

    /// <summary>Our advertised maximum P-DATA-TF length (0 = unlimited); longer incoming PDUs are a protocol error.</summary>
    public uint MaxIncomingPdu { get; }

    /// <summary>Largest dataset one DIMSE message may carry; a peer sending more is aborted before memory runs out.</summary>
    public long MaxDataSetLength { get; init; } = DicomServerOptions.DefaultMaxDataSetLength;

    /// <summary>Set once A-ASSOCIATE-AC is sent or received; P-DATA before that is a protocol error (PS3.8 9.2, state Sta2/Sta5).</summary>
    public bool IsAssociated { get; set; }

    /// <summary>The peer's advertised maximum (0 = unlimited), set after negotiation.</summary>
    public uint PeerMaxPdu { get; set; }

    public System.Net.EndPoint? RemoteEndPoint => _socket.RemoteEndPoint;

    /// <summary>Reads until a full DIMSE message or a control PDU arrives; <paramref name="idleTimeout"/> applies per PDU.</summary>
    public async Task<ChannelEvent> ReceiveAsync(TimeSpan idleTimeout, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            while (true)
            {
                timeout.CancelAfter(idleTimeout);
                if (!await TryReadExactlyAsync(_header, timeout.Token)) return ChannelEvent.Closed;
                var type = (PduType)_header[0];
                var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
                if (type == PduType.PData)
                {
                    if (!IsAssociated)
                        throw new DicomFormatException("Malformed PDU: P-DATA-TF before the association was established.");
                    if (MaxIncomingPdu != 0 && length > MaxIncomingPdu)
                        throw new DicomFormatException($"Malformed PDU: P-DATA-TF of {length} bytes exceeds the negotiated maximum {MaxIncomingPdu}.");
                    if (await ReadPDataAsync((int)Math.Min(length, int.MaxValue), timeout.Token) is { } message) return new ChannelEvent(type, null, message);
                    continue;
                }
                if (type is < PduType.AssociateRequest or > PduType.Abort)
                    throw new DicomFormatException($"Malformed PDU: unknown PDU type 0x{(byte)type:X2}.");
                if (length > MaxControlPduLength)
                    throw new DicomFormatException($"Malformed PDU: {type} of {length} bytes is implausibly large.");
                var body = new byte[length];
                await _input.ReadExactlyAsync(body, timeout.Token);
                return new ChannelEvent(type, body, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No PDU received within {idleTimeout.TotalSeconds:0.#} s.");
        }
        catch (EndOfStreamException)
        {
            throw new DicomFormatException("Malformed PDU: connection closed in the middle of a PDU.");
        }
    }

    private async Task<DimseMessage?> ReadPDataAsync(int length, CancellationToken ct)
    {
        var remaining = length;
        var pdvHeader = new byte[6];
        while (remaining > 0)
        {
            if (remaining < 6) throw new DicomFormatException("Malformed PDU: P-DATA-TF ends inside a PDV header.");
            await _input.ReadExactlyAsync(pdvHeader, ct);
            var itemLength = BinaryPrimitives.ReadUInt32BigEndian(pdvHeader);
            if (itemLength < 2 || itemLength > remaining - 4)
                throw new DicomFormatException($"Malformed PDU: PDV length {itemLength} does not fit the {remaining}-byte P-DATA-TF remainder.");
            var dataLength = (int)itemLength - 2;
            var control = pdvHeader[5];
            _presentationContextId = pdvHeader[4];
            var isCommand = (control & 1) != 0;
            var isLast = (control & 2) != 0;
            var target = isCommand ? _command : _dataSet;
            var limit = isCommand ? MaxCommandLength : MaxDataSetLength;
            if ((long)target.Written.Length + dataLength > limit)
                throw new DicomFormatException($"Malformed PDU: DIMSE {(isCommand ? "command" : "dataset")} exceeds the {limit}-byte limit.");
            await _input.ReadExactlyAsync(target.Reserve(dataLength), ct);
            remaining -= 4 + (int)itemLength;
            if (isCommand && isLast) _pendingCommand = DimseCommand.Decode(_command.Written.ToArray());
            if (!isCommand && isLast) _dataSetComplete = true;
        }
        if (_pendingCommand is null) return null;
        var hasDataSet = DimseCommand.HasDataSet(_pendingCommand);
        if (hasDataSet && !_dataSetComplete) return null;
        var message = new DimseMessage(_presentationContextId, _pendingCommand, hasDataSet ? _dataSet.Written : null);
        _pendingCommand = null;
        _dataSetComplete = false;
        _command.Clear();
        _dataSet = new GrowableBuffer(0); // the received bytes now belong to the message consumer
        return message;
    }

    private async Task<bool> TryReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        var read = await _input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (read == 0) return false;
        if (read < buffer.Length) throw new DicomFormatException("Malformed PDU: connection closed inside a PDU header.");
        return true;
    }

    public async Task SendPduAsync(byte[] pdu, CancellationToken ct) => await _stream.WriteAsync(pdu, ct);

    /// <summary>Sends command then dataset as PDVs, several PDUs per socket write to keep syscalls low.</summary>
    public async Task SendMessageAsync(byte presentationContextId, DicomDataset command, ReadOnlyMemory<byte>? dataSet, CancellationToken ct)
    {
        var maxData = PeerMaxPdu == 0 ? UnlimitedPduChunk : (int)Math.Max(PeerMaxPdu - 6, 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64 * 1024, maxData + 12));
        try
        {
            var pos = 0;
            pos = await AppendAsync(buffer, pos, presentationContextId, DimseCommand.Encode(command), isCommand: true, maxData, ct);
            if (dataSet is { } data) pos = await AppendAsync(buffer, pos, presentationContextId, data, isCommand: false, maxData, ct);
            if (pos > 0) await _stream.WriteAsync(buffer.AsMemory(0, pos), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<int> AppendAsync(byte[] buffer, int pos, byte pcId, ReadOnlyMemory<byte> data, bool isCommand, int maxData, CancellationToken ct)
    {
        var offset = 0;
        do
        {
            var count = Math.Min(maxData, data.Length - offset);
            var isLast = offset + count == data.Length;
            if (pos + 12 + count > buffer.Length)
            {
                await _stream.WriteAsync(buffer.AsMemory(0, pos), ct);
                pos = 0;
            }
            var span = buffer.AsSpan(pos);
            span[0] = (byte)PduType.PData;
            span[1] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)(6 + count));
            BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(2 + count));
            span[10] = pcId;
            span[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
            data.Span.Slice(offset, count).CopyTo(span[12..]);
            pos += 12 + count;
            offset += count;
        }
        while (offset < data.Length);
        return pos;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is System.Net.Security.SslStream tls)
        {
            // close_notify, so the peer sees an orderly TLS end rather than a truncation.
            try { await tls.ShutdownAsync(); }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException) { }
        }
        try { _socket.Shutdown(SocketShutdown.Both); }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
        await _input.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
