using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Security;

/// <summary>
/// The services talk through the broker, each as itself: every connection of this run's virtual host belongs to
/// one of the four services' own broker users, all four are connected, and none uses the shared guest login.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class ServiceIdentityTests(DistributedSystem system)
{
    [Fact]
    public async Task Every_service_connects_to_the_broker_with_its_own_identity()
    {
        var users = await system.BrokerConnectionUsersAsync();

        Assert.NotEmpty(users);
        Assert.DoesNotContain("guest", users);
        Assert.All(users, user => Assert.Contains(user, system.BrokerUsers.Values));
        Assert.Equal(system.BrokerUsers.Values.Order(StringComparer.Ordinal), users.Distinct().Order(StringComparer.Ordinal));
    }
}
