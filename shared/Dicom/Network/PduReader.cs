using System.Buffers.Binary;
using System.Text;

namespace AmpaCds.Dicom.Network;

/// <summary>Decodes control PDU bodies (after the 6-byte header) with bounds checks on every item length.</summary>
internal static class PduReader
{
    public static AssociationParameters Associate(ReadOnlySpan<byte> body, bool isAccept)
    {
        if (body.Length < 68) throw Error($"A-ASSOCIATE body of {body.Length} bytes is shorter than its 68-byte fixed part");
        if ((BinaryPrimitives.ReadUInt16BigEndian(body) & 1) == 0)
            throw new DicomFormatException("A-ASSOCIATE protocol version does not include version 1.");
        var called = Encoding.ASCII.GetString(body.Slice(4, 16)).Trim(' ', '\0');
        var calling = Encoding.ASCII.GetString(body.Slice(20, 16)).Trim(' ', '\0');
        string? context = null;
        var contexts = new List<PresentationContext>();
        uint maxPdu = 0;
        string implementationUid = "", implementationVersion = "";
        foreach (var (type, value) in Items(body[68..]))
        {
            switch (type)
            {
                case 0x10: context = Ascii(value); break;
                case 0x20 when !isAccept: contexts.Add(ProposedContext(value)); break;
                case 0x21 when isAccept: contexts.Add(AcceptedContext(value)); break;
                case 0x50:
                    foreach (var (subType, sub) in Items(value))
                    {
                        if (subType == 0x51)
                        {
                            if (sub.Length != 4) throw Error("maximum length sub-item is not 4 bytes");
                            maxPdu = BinaryPrimitives.ReadUInt32BigEndian(sub);
                        }
                        else if (subType == 0x52) implementationUid = Ascii(sub);
                        else if (subType == 0x55) implementationVersion = Ascii(sub);
                        // Other sub-items (async ops, role selection, extended negotiation, user identity) are optional to support.
                    }
                    break;
                default: throw Error($"unexpected item type 0x{type:X2} in A-ASSOCIATE");
            }
        }
        return new AssociationParameters
        {
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = context ?? throw Error("A-ASSOCIATE has no application context item"),
            PresentationContexts = contexts,
            MaxPduLength = maxPdu,
            ImplementationClassUid = implementationUid,
            ImplementationVersionName = implementationVersion,
        };
    }

    public static AssociationRejection Reject(ReadOnlySpan<byte> body) =>
        body.Length >= 4 ? new AssociationRejection(body[1], body[2], body[3]) : throw Error("A-ASSOCIATE-RJ body too short");

    public static (byte Source, byte Reason) Abort(ReadOnlySpan<byte> body) =>
        body.Length >= 4 ? (body[2], body[3]) : throw Error("A-ABORT body too short");

    private static PresentationContext ProposedContext(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4) throw Error("presentation context item too short");
        string? abstractSyntax = null;
        var syntaxes = new List<string>();
        foreach (var (type, sub) in Items(value[4..]))
        {
            if (type == 0x30) abstractSyntax = Ascii(sub);
            else if (type == 0x40) syntaxes.Add(Ascii(sub));
            else throw Error($"unexpected sub-item 0x{type:X2} in presentation context");
        }
        return new PresentationContext(value[0], abstractSyntax ?? throw Error("presentation context without abstract syntax"), syntaxes);
    }

    private static PresentationContext AcceptedContext(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4) throw Error("presentation context item too short");
        var syntaxes = new List<string>();
        foreach (var (type, sub) in Items(value[4..]))
            if (type == 0x40) syntaxes.Add(Ascii(sub));
        return new PresentationContext(value[0], "", syntaxes, (PresentationContextResult)value[2]);
    }

    // Items are type(1) reserved(1) length(2, big-endian) value; returned as copies so the span can be released.
    private static List<(byte Type, byte[] Value)> Items(ReadOnlySpan<byte> data)
    {
        var items = new List<(byte, byte[])>();
        var pos = 0;
        while (pos < data.Length)
        {
            if (data.Length - pos < 4) throw Error("truncated item header");
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length > data.Length - pos - 4) throw Error($"item length {length} runs past the end of the PDU");
            items.Add((data[pos], data.Slice(pos + 4, length).ToArray()));
            pos += 4 + length;
        }
        return items;
    }

    private static string Ascii(ReadOnlySpan<byte> value) => Encoding.ASCII.GetString(value).Trim(' ', '\0');

    private static DicomFormatException Error(string message) => new($"Malformed PDU: {message}.");
}
