using System.Buffers.Binary;
using System.Text;

namespace AmpaCds.Dicom.Network;

/// <summary>Builds control PDUs (everything except P-DATA-TF) as complete byte arrays, header included. PDU integers are big-endian.</summary>
internal static class PduWriter
{
    private const ushort ProtocolVersion = 1;

    public static byte[] AssociateRequest(AssociationParameters p) => Associate(PduType.AssociateRequest, p);

    public static byte[] AssociateAccept(AssociationParameters p) => Associate(PduType.AssociateAccept, p);

    public static byte[] AssociateReject(AssociationRejection r) => Pdu(PduType.AssociateReject, [0, r.Result, r.Source, r.Reason]);

    public static byte[] ReleaseRequest() => Pdu(PduType.ReleaseRequest, [0, 0, 0, 0]);

    public static byte[] ReleaseResponse() => Pdu(PduType.ReleaseResponse, [0, 0, 0, 0]);

    /// <summary>A-ABORT; source 0 = service-user, 2 = service-provider (reason then meaningful).</summary>
    public static byte[] Abort(byte source, byte reason) => Pdu(PduType.Abort, [0, 0, source, reason]);

    private static byte[] Associate(PduType type, AssociationParameters p)
    {
        var body = new MemoryStream(512);
        Span<byte> fixedPart = stackalloc byte[68];
        fixedPart.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, ProtocolVersion);
        WriteAeTitle(fixedPart.Slice(4, 16), p.CalledAeTitle);
        WriteAeTitle(fixedPart.Slice(20, 16), p.CallingAeTitle);
        body.Write(fixedPart);

        WriteItem(body, 0x10, Encoding.ASCII.GetBytes(p.ApplicationContextName));
        foreach (var pc in p.PresentationContexts)
        {
            var item = new MemoryStream();
            var result = type == PduType.AssociateAccept ? (byte)pc.Result : (byte)0;
            item.Write([pc.Id, 0, result, 0]);
            if (type == PduType.AssociateRequest) WriteItem(item, 0x30, Encoding.ASCII.GetBytes(pc.AbstractSyntax));
            var syntaxes = type == PduType.AssociateAccept
                ? [pc.AcceptedTransferSyntax ?? TransferSyntax.ImplicitVRLittleEndian.Uid]
                : pc.TransferSyntaxes;
            foreach (var ts in syntaxes) WriteItem(item, 0x40, Encoding.ASCII.GetBytes(ts));
            WriteItem(body, type == PduType.AssociateRequest ? (byte)0x20 : (byte)0x21, item.ToArray());
        }

        var user = new MemoryStream();
        var maxLength = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(maxLength, p.MaxPduLength);
        WriteItem(user, 0x51, maxLength);
        WriteItem(user, 0x52, Encoding.ASCII.GetBytes(p.ImplementationClassUid));
        if (!string.IsNullOrEmpty(p.ImplementationVersionName)) WriteItem(user, 0x55, Encoding.ASCII.GetBytes(p.ImplementationVersionName));
        WriteItem(body, 0x50, user.ToArray());
        return Pdu(type, body.ToArray());
    }

    private static void WriteAeTitle(Span<byte> dest, string title)
    {
        dest.Fill((byte)' ');
        var bytes = Encoding.ASCII.GetBytes(title.Trim());
        if (bytes.Length > 16) throw new ArgumentException($"AE title '{title}' is longer than 16 characters.");
        bytes.CopyTo(dest);
    }

    private static void WriteItem(Stream stream, byte type, ReadOnlySpan<byte> value)
    {
        Span<byte> header = stackalloc byte[4];
        header[0] = type;
        header[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], checked((ushort)value.Length));
        stream.Write(header);
        stream.Write(value);
    }

    internal static byte[] Pdu(PduType type, ReadOnlySpan<byte> body)
    {
        var pdu = new byte[6 + body.Length];
        pdu[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)body.Length);
        body.CopyTo(pdu.AsSpan(6));
        return pdu;
    }
}
