namespace AmpaCds.Dicom.Network;

/// <summary>
/// A-ASSOCIATE-RJ fields (PS3.8 9.3.4). Result 1 permanent / 2 transient; Source 1 service-user,
/// 2 service-provider (ACSE), 3 service-provider (presentation); Reason depends on the source.
/// </summary>
public sealed record AssociationRejection(byte Result, byte Source, byte Reason)
{
    public static AssociationRejection CalledAeNotRecognized => new(1, 1, 7);
    public static AssociationRejection CallingAeNotRecognized => new(1, 1, 3);
    public static AssociationRejection ApplicationContextNotSupported => new(1, 1, 2);
    public static AssociationRejection ProtocolVersionNotSupported => new(1, 2, 2);
    public static AssociationRejection LocalLimitExceeded => new(2, 3, 2);

    /// <summary>
    /// Why, in the server's words (e.g. "peer ORTHANC is not allowed from 10.0.0.9"): logged with the rejection, never
    /// sent, since A-ASSOCIATE-RJ has no room for it. Not part of equality: two rejections are equal when the peer sees the same.
    /// </summary>
    public string? Detail { get; init; }

    public bool Equals(AssociationRejection? other) =>
        other is not null && Result == other.Result && Source == other.Source && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(Result, Source, Reason);

    public string Description => (Source, Reason) switch
    {
        (1, 1) => "no reason given",
        (1, 2) => "application context name not supported",
        (1, 3) => "calling AE title not recognized",
        (1, 7) => "called AE title not recognized",
        (2, 1) => "no reason given (ACSE)",
        (2, 2) => "protocol version not supported",
        (3, 1) => "temporary congestion",
        (3, 2) => "local limit exceeded",
        _ => "reason " + Reason,
    };

    public override string ToString() =>
        $"result {Result} ({(Result == 1 ? "permanent" : "transient")}), source {Source}, reason {Reason} ({Description})"
        + (Detail is null ? "" : $": {Detail}");
}
