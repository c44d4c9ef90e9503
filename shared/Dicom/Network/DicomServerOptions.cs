using System.Net;
using System.Net.Sockets;

namespace AmpaCds.Dicom.Network;

/// <summary>Configuration of <see cref="DicomServer"/>.</summary>
public sealed record DicomServerOptions
{
    /// <summary>TCP port; 0 picks a free port (read it back from <see cref="DicomServer.Port"/>).</summary>
    public int Port { get; init; } = 11112;

    /// <summary>Interface to listen on. Loopback by default so nothing is exposed unless configured.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Called AE title this server answers to; anything else is rejected (reason 7).</summary>
    public string AeTitle { get; init; } = "AMPACDS";

    /// <summary>Calling AE titles allowed to associate; empty = any (otherwise rejection reason 3).</summary>
    public IReadOnlyCollection<string> AllowedCallingAeTitles { get; init; } = [];

    /// <summary>Largest P-DATA-TF PDU we accept (advertised in user information item 0x51).</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>Concurrent associations; more are rejected transiently (source 3, reason 2 local-limit-exceeded).</summary>
    public int MaxAssociations { get; init; } = 16;

    /// <summary>How long a connection may stay silent (before association or between messages) before it is closed.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public const long DefaultMaxDataSetLength = 512L * 1024 * 1024;

    /// <summary>
    /// Largest dataset accepted in one C-STORE. Each association buffers a whole dataset, so this times
    /// <see cref="MaxAssociations"/> bounds the memory peers can make us hold; larger messages are aborted.
    /// </summary>
    public long MaxDataSetLength { get; init; } = DefaultMaxDataSetLength;

    /// <summary>
    /// Optional veto run after the called/calling AE title checks, with the caller's AE title and address
    /// (e.g. Intake's per-peer address rules). Returns the A-ASSOCIATE-RJ to send, or null to go on.
    /// </summary>
    public Func<DicomAssociationInfo, AssociationRejection?>? AssociationFilter { get; init; }

    /// <summary>
    /// Optional: secures each accepted connection before any PDU is read (DICOM TLS, PS3.15 Annex B) and
    /// returns the stream the association runs over, or null to close the connection (a refused peer).
    /// The token is cancelled after <see cref="ArtimTimeout"/>, so a silent client cannot hold the connection.
    /// The returned stream owns the socket.
    /// </summary>
    public Func<Socket, CancellationToken, Task<Stream?>>? ConnectionSecurity { get; init; }

    /// <summary>Accepted transfer syntaxes in order of preference.</summary>
    public IReadOnlyList<string> TransferSyntaxes { get; init; } =
    [
        TransferSyntax.ExplicitVRLittleEndian.Uid,
        TransferSyntax.ImplicitVRLittleEndian.Uid,
        TransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
    ];
}
