using System.Net;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.Access;
using Microsoft.Extensions.Options;

namespace AmpaCds.Intake.Tests.Access;

public sealed class PeerAccessPolicyTests
{
    private static PeerAccessPolicy Policy(params PeerOptions[] peers) =>
        new(Options.Create(new IntakeOptions { Peers = peers }));

    private static IPEndPoint From(string address) => new(IPAddress.Parse(address), 40000);

    [Fact]
    public void WithoutPeersEveryCallerIsAllowed() =>
        Assert.Null(Policy().Check("ANYONE", From("192.0.2.1")));

    [Fact]
    public void APeerIsAllowedFromInsideItsRangesOnly()
    {
        var policy = Policy(new PeerOptions { AeTitle = "ORTHANC", Addresses = ["127.0.0.1/32", "10.1.0.0/16"] });

        Assert.Null(policy.Check("ORTHANC", From("127.0.0.1")));
        Assert.Null(policy.Check("ORTHANC", From("10.1.255.7")));
        Assert.Equal("peer ORTHANC is not allowed from 10.2.0.1", policy.Check("ORTHANC", From("10.2.0.1")));
    }

    [Fact]
    public void AnUnknownCallingAeIsRefusedWhateverItsAddress() =>
        Assert.Equal("calling AE title 'STRANGER' is not a configured peer",
            Policy(new PeerOptions { AeTitle = "ORTHANC", Addresses = ["127.0.0.1"] }).Check("STRANGER", From("127.0.0.1")));

    [Fact]
    public void DualStackAddressesAreComparedAsIpv4AndIpv6RangesWork()
    {
        var policy = Policy(new PeerOptions { AeTitle = "PACS", Addresses = ["192.168.5.0/24", "fd00:1::/32"] });

        Assert.Null(policy.Check("PACS", From("::ffff:192.168.5.20")));
        Assert.Null(policy.Check("PACS", From("fd00:1:2::9")));
        Assert.NotNull(policy.Check("PACS", From("fd00:2::9")));
    }

    [Fact]
    public void APeerWithoutAddressesIsAllowedFromAnywhere() =>
        Assert.Null(Policy(new PeerOptions { AeTitle = "PACS" }).Check("PACS", From("203.0.113.9")));

    [Fact]
    public void TheAssociationVetoIsCallingAeNotRecognized()
    {
        var policy = Policy(new PeerOptions { AeTitle = "ORTHANC", Addresses = ["127.0.0.1"] });

        Assert.Equal(AssociationRejection.CallingAeNotRecognized,
            policy.Evaluate(new DicomAssociationInfo("ORTHANC", "AMPACDS", From("127.0.0.2"))));
        Assert.Null(policy.Evaluate(new DicomAssociationInfo("ORTHANC", "AMPACDS", From("127.0.0.1"))));
    }
}
