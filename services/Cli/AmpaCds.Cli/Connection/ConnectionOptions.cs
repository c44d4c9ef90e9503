using System.CommandLine;

namespace AmpaCds.Cli.Connection;

/// <summary>
/// Options every command that calls a service understands, declared once on the root command: the bearer
/// token (or AMPACDS_TOKEN) and the private CA that signed the services' certificates (or AMPACDS_CA_CERT).
/// </summary>
public static class ConnectionOptions
{
    public const string TokenVariable = "AMPACDS_TOKEN";
    public const string CaVariable = "AMPACDS_CA_CERT";

    public static Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token for the services (default: ${TokenVariable}); get one with `ampacds auth token`",
        Recursive = true,
    };

    public static Option<string?> Ca { get; } = new("--ca")
    {
        Description = $"PEM of the CA that signed the services' certificates (default: ${CaVariable}; else the system's roots)",
        Recursive = true,
    };

    public static ServiceConnection For(ParseResult parse, string address) =>
        new(address,
            parse.GetValue(Token) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
            parse.GetValue(Ca) ?? NonEmpty(Environment.GetEnvironmentVariable(CaVariable)));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
