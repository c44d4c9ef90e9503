namespace AmpaCds.Integration.Tests.Support;

/// <summary>Tests that share one running distributed system (it takes a while to start).</summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedSystem>
{
    public const string Name = "distributed system";
}
