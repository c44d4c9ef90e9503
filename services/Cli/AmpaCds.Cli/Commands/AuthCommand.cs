using System.CommandLine;
using AmpaCds.Cli.Connection;
using AmpaCds.Cli.Output;
using AmpaCds.Security.Access;

namespace AmpaCds.Cli.Commands;

/// <summary>
/// `ampacds auth token|hash-password|add-user`: sign in against the local issuer and manage its users.
/// Passwords come from AMPACDS_PASSWORD or the first line of standard input, never from an argument
/// (arguments show up in process lists and shell history).
/// </summary>
public static class AuthCommand
{
    public const string PasswordVariable = "AMPACDS_PASSWORD";
    public const string DefaultIssuer = "http://127.0.0.1:5180";

    public static Command Create()
    {
        return new Command("auth", "Tokens and local users of the Reporting gateway's issuer")
        {
            TokenCommand(),
            HashPasswordCommand(),
            LocalUsersCommand.Create(),
        };
    }

    private static Command TokenCommand()
    {
        var user = new Option<string>("--user") { Description = "Local user name", Required = true };
        var role = new Option<string[]>("--role") { Description = "Role the token should carry (repeatable; default: all the user holds)", AllowMultipleArgumentsPerToken = false };
        var issuer = new Option<string>("--issuer") { Description = $"Token issuer (the gateway's HTTP address, default {DefaultIssuer})", DefaultValueFactory = _ => DefaultIssuer };
        var command = new Command("token", $"Prints an access token for a local user (password from ${PasswordVariable} or standard input)") { user, role, issuer };
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(async () =>
        {
            var connection = ConnectionOptions.For(parse, parse.GetValue(issuer)!);
            var token = await TokenRequest.PasswordGrantAsync(connection, parse.GetValue(user)!, ReadPassword(), parse.GetValue(role) ?? [], cancellation);
            Console.Out.WriteLine(token);
            return 0;
        }));
        return command;
    }

    private static Command HashPasswordCommand()
    {
        var command = new Command("hash-password", $"Prints the stored form of a password or client secret (from ${PasswordVariable} or standard input) for the issuer's configuration");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(PasswordHash.Create(ReadPassword()));
            return 0;
        });
        return command;
    }

    public static string ReadPassword()
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden();
        }
        return string.IsNullOrEmpty(password)
            ? throw new CliFailure($"no password: set {PasswordVariable} or write it to standard input", CliRunner.InputError)
            : password;
    }

    private static string ReadHidden()
    {
        Console.Error.Write("password: ");
        var buffer = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is { Key: not ConsoleKey.Enter } key)
        {
            if (key.Key == ConsoleKey.Backspace && buffer.Length > 0)
            {
                buffer.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return buffer.ToString();
    }
}
