using System.Globalization;
using AmpaCds.Security.Access;

namespace AmpaCds.TestSupport.Security;

/// <summary>
/// The local issuer's users in tests: one person per role, a psychiatrist of another care team, and one
/// person holding every role, all with the same password. Their settings go to the Reporting gateway as
/// environment variables (hashed, as a site would configure them).
/// </summary>
public static class TestUsers
{
    public const string Password = "test-password-not-secret";
    public const string Psychiatrist = "dr-sato";
    public const string OtherPsychiatrist = "dr-suzuki";
    public const string PacsAdmin = "pacs-tanaka";
    public const string Ops = "ops-ito";
    public const string ModelAdmin = "models-kato";
    public const string Auditor = "privacy-yamada";
    public const string Researcher = "research-mori";
    public const string Everything = "all-roles";

    /// <summary>Referring physician name of the psychiatrist's studies, as the synthetic studies write it.</summary>
    public const string PsychiatristDicomName = "Sato^Hanako";

    public static IReadOnlyList<(string Name, string[] Roles, string? DicomName)> All { get; } =
    [
        (Psychiatrist, [Roles.Psychiatrist], PsychiatristDicomName),
        (OtherPsychiatrist, [Roles.Psychiatrist], "Suzuki^Ichiro"),
        (PacsAdmin, [Roles.PacsAdmin], null),
        (Ops, [Roles.Ops], null),
        (ModelAdmin, [Roles.ModelAdmin], null),
        (Auditor, [Roles.Auditor], null),
        (Researcher, [Roles.Researcher], null),
        (Everything, Roles.People.ToArray(), PsychiatristDicomName),
    ];

    /// <summary>The user holding exactly <paramref name="role"/> (services: none; they use clients).</summary>
    public static string For(string role) => All.First(user => user.Roles is [var only] && only == role).Name;

    private static readonly Lazy<string> Hash = new(() => PasswordHash.Create(Password));

    /// <summary>Environment variables that enable the local issuer at <paramref name="issuer"/> with these users.</summary>
    public static Dictionary<string, string> IssuerEnvironment(string issuer)
    {
        var environment = new Dictionary<string, string>
        {
            ["AmpaCds__Auth__LocalIssuer__Enabled"] = "true",
            ["AmpaCds__Auth__LocalIssuer__Issuer"] = issuer,
        };
        for (var i = 0; i < All.Count; i++)
        {
            var (name, roles, dicomName) = All[i];
            var prefix = $"AmpaCds__Auth__LocalIssuer__Users__{i.ToString(CultureInfo.InvariantCulture)}__";
            environment[prefix + "Name"] = name;
            environment[prefix + "PasswordHash"] = Hash.Value;
            if (dicomName is not null)
            {
                environment[prefix + "DicomName"] = dicomName;
            }
            for (var r = 0; r < roles.Length; r++)
            {
                environment[prefix + $"Roles__{r.ToString(CultureInfo.InvariantCulture)}"] = roles[r];
            }
        }
        return environment;
    }

    /// <summary>The same users as an in-memory configuration (keys with ':').</summary>
    public static Dictionary<string, string?> IssuerSettings(string issuer) =>
        IssuerEnvironment(issuer).ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
}
