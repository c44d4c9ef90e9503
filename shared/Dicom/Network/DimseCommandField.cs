namespace AmpaCds.Dicom.Network;

/// <summary>Command Field (0000,0100) values used here (PS3.7 E.1).</summary>
internal static class DimseCommandField
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CStoreResponse = 0x8001;
    public const ushort CFindRequest = 0x0020;
    public const ushort CFindResponse = 0x8020;
    public const ushort CMoveRequest = 0x0021;
    public const ushort CMoveResponse = 0x8021;
    public const ushort CEchoRequest = 0x0030;
    public const ushort CEchoResponse = 0x8030;
    public const ushort CCancelRequest = 0x0FFF;
    public const ushort ResponseBit = 0x8000;
}
