using System.Net;
using AmpaCds.Security.Access;
using AmpaCds.TestSupport.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace AmpaCds.Access.Tests;

/// <summary>
/// Every route and gRPC method the services map, called anonymously, with a forged token and with a token of
/// every role: the only open endpoints are health, metrics and the issuer's (token, authorization, sign-in page, end session),
/// every other one refuses anonymous and forged callers (401) and callers without its role (403), and admits its roles.
/// Portal pages take no bearer token at all: every such caller is sent to the issuer to sign in (302); their roles
/// are checked against the matrix here and through the browser flow in PortalSignInTests. A new endpoint that forgets to
/// declare roles is closed to everyone by the fallback policy, and this test names it.
/// </summary>
public sealed class EndpointAccessTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    private static readonly string[] OpenRoutes = ["/health/ready", "/health/live", "/metrics", "/connect/token", "/connect/authorize", "/connect/logout", "/account/login",
        // The portal's address redirects to the worklist; its stylesheet and script carry no patient data.
        "/", "/portal/assets/1.2.826.0.1.3680043.2.1143.1"];

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_forged_and_wrong_role_callers_and_admits_its_roles()
    {
        var endpoints = system.Endpoints();
        var tokens = new Dictionary<string, string>();
        foreach (var role in Roles.People)
        {
            tokens[role] = await system.TokenAsync(TestUsers.For(role), role);
        }
        tokens[Roles.Service] = await system.ServiceTokenAsync();
        var forged = TestIssuer.ForgedToken(system.HttpAddress + "/", TestUsers.Everything, [.. Roles.All]);
        var caller = new EndpointCaller(system);
        var failures = new List<string>();
        var checkedEndpoints = 0;
        foreach (var endpoint in endpoints)
        {
            var path = EndpointCaller.Path(endpoint);
            var name = $"{EndpointCaller.Method(endpoint)} {endpoint.RoutePattern.RawText}";
            if (OpenRoutes.Contains(path))
            {
                if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
                {
                    failures.Add($"{name}: expected to be open (AllowAnonymous)");
                }
                continue;
            }
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                failures.Add($"{name}: open to anonymous callers but not a health, metrics or token endpoint");
            }
            checkedEndpoints++;
            if (EndpointCaller.IsPortal(endpoint))
            {
                foreach (var (who, token) in tokens.Append(new("forged token", forged)).Prepend(new("anonymous", null!)))
                {
                    var (portalStatus, location) = await caller.CallPortalAsync(endpoint, token);
                    if (portalStatus != HttpStatusCode.Redirect || location?.AbsolutePath != "/connect/authorize")
                    {
                        failures.Add($"{name}: {who} got {(int)portalStatus} to {location}, expected 302 to the issuer's /connect/authorize");
                    }
                }
                continue;
            }
            var allowed = AllowedRoles(endpoint);
            Expect(failures, name, "anonymous", await caller.CallAsync(endpoint, null), HttpStatusCode.Unauthorized);
            Expect(failures, name, "forged token", await caller.CallAsync(endpoint, forged), HttpStatusCode.Unauthorized);
            foreach (var (role, token) in tokens)
            {
                var status = await caller.CallAsync(endpoint, token);
                if (allowed.Contains(role))
                {
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{name}: role {role} is declared but was refused ({(int)status})");
                    }
                }
                else
                {
                    Expect(failures, name, $"role {role}", status, HttpStatusCode.Forbidden);
                }
            }
        }
        Assert.True(checkedEndpoints >= 20, $"only {checkedEndpoints} protected endpoints found: is the composition complete?");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_protected_endpoint_declares_roles_that_exist()
    {
        var undeclared = system.Endpoints()
            .Where(endpoint => !OpenRoutes.Contains(EndpointCaller.Path(endpoint)) && !IsUnimplementedGrpcFallback(endpoint))
            .Where(endpoint => AllowedRoles(endpoint) is var roles && (roles.Count == 0 || roles.Any(role => !Roles.IsKnown(role))))
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .ToList();
        Assert.True(undeclared.Count == 0, "endpoints without (known) roles: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Declared_roles_match_the_documented_matrix()
    {
        var mismatches = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in system.Endpoints().Where(endpoint => !OpenRoutes.Contains(EndpointCaller.Path(endpoint)) && !IsUnimplementedGrpcFallback(endpoint)))
        {
            var key = MatrixKey(endpoint);
            seen.Add(key);
            var declared = AllowedRoles(endpoint).Order(StringComparer.Ordinal).ToArray();
            if (!AccessMatrix.Expected.TryGetValue(key, out var expected))
            {
                mismatches.Add($"{key}: not in the documented matrix (declares {string.Join(", ", declared)})");
            }
            else if (!declared.SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                mismatches.Add($"{key}: declares [{string.Join(", ", declared)}], the matrix says [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]");
            }
        }
        mismatches.AddRange(AccessMatrix.Expected.Keys.Where(key => !seen.Contains(key)).Select(key => $"{key}: in the matrix but not mapped"));
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static string MatrixKey(RouteEndpoint endpoint) =>
        EndpointCaller.IsGrpc(endpoint) ? "/" + endpoint.RoutePattern.RawText!.TrimStart('/') : $"{EndpointCaller.Method(endpoint)} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";

    private static HashSet<string> AllowedRoles(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .SelectMany(data => (data.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    // gRPC maps catch-alls that answer UNIMPLEMENTED for unknown methods; they declare nothing and stay closed.
    private static bool IsUnimplementedGrpcFallback(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.Contains("{unimplemented", StringComparison.OrdinalIgnoreCase) == true;

    private static void Expect(List<string> failures, string name, string caller, HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            failures.Add($"{name}: {caller} got {(int)actual}, expected {(int)expected}");
        }
    }
}
