using System.Text.Encodings.Web;
using System.Text.Json;

namespace AmpaCds.Cli.Output;

public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Patient names may be kanji or accented: keep them readable in the output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A region outside the field of view has no mean (NaN); print it rather than fail the whole output.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Print<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
