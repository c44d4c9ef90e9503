using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmpaCds.Cli.Output;
using AmpaCds.Security.Access;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds auth add-user`: adds or replaces a person in a local-issuer users file (a settings file of the
/// shape the gateway reads: AmpaCds:Auth:LocalIssuer:Users). `ampacds serve` reads DATA/auth/users.json;
/// the Reporting host reads it when given as a settings file.
/// </summary>
public static class LocalUsersCommand
{
    public static readonly string DefaultUsersFile = Path.Combine(".local", "embedded", "auth", "users.json");

    public static Command Create()
    {
        var file = new Option<string>("--users") { Description = "Users file", DefaultValueFactory = _ => DefaultUsersFile };
        var user = new Option<string>("--user") { Description = "User name", Required = true };
        var role = new Option<string[]>("--role") { Description = $"Role (repeatable): {string.Join(", ", Roles.People)}", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the portal and the audit trail" };
        var dicomName = new Option<string?>("--dicom-name") { Description = "The person's name as DICOM writes it (Family^Given), matched to a study's referring physician" };
        var command = new Command("add-user", $"Adds or replaces a local user (password from ${AuthCommand.PasswordVariable} or standard input)")
        {
            file, user, role, displayName, dicomName,
        };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var roles = parse.GetValue(role)!;
            if (roles.FirstOrDefault(name => !Roles.People.Contains(name, StringComparer.Ordinal)) is { } unknown)
            {
                throw new CliFailure($"unknown role '{unknown}' (known: {string.Join(", ", Roles.People)})", CliRunner.InputError);
            }
            var path = parse.GetValue(file)!;
            var replaced = Upsert(path, parse.GetValue(user)!, roles, parse.GetValue(displayName), parse.GetValue(dicomName), AuthCommand.ReadPassword());
            Console.Out.WriteLine($"{(replaced ? "replaced" : "added")} user {parse.GetValue(user)} ({string.Join(", ", roles)}) in {path}");
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>Adds or replaces a person in a users file (durably written); true when one of that name was replaced.</summary>
    public static bool Upsert(string path, string name, IReadOnlyList<string> roles, string? displayName, string? dicomName, string password)
    {
        var entry = new JsonObject
        {
            ["Name"] = name,
            ["DisplayName"] = displayName,
            ["DicomName"] = dicomName,
            ["Roles"] = new JsonArray(roles.Select(role => (JsonNode?)JsonValue.Create(role)).ToArray()),
            ["PasswordHash"] = PasswordHash.Create(password),
        };
        var document = Read(path);
        var users = Users(document);
        var existing = users.FirstOrDefault(node => (string?)node?["Name"] == name);
        if (existing is not null)
        {
            users.Remove(existing);
        }
        users.Add(entry);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        DurableFile.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return existing is not null;
    }

    private static JsonObject Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CliFailure($"{path} is not a JSON object", CliRunner.InputError);
        }
        catch (JsonException error)
        {
            throw new CliFailure($"{path} is not valid JSON: {error.Message}", CliRunner.InputError);
        }
    }

    private static JsonArray Users(JsonObject document)
    {
        var issuer = Child(Child(Child(document, "AmpaCds"), "Auth"), "LocalIssuer");
        if (issuer["Users"] is not JsonArray users)
        {
            users = [];
            issuer["Users"] = users;
        }
        return users;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject child)
        {
            child = [];
            parent[name] = child;
        }
        return child;
    }
}
