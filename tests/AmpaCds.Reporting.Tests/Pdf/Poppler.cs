namespace AmpaCds.Reporting.Tests.Pdf;

/// <summary>Debian's poppler-utils read the PDFs the way a reader's viewer would: text, fonts and rendered pages.</summary>
public static class Poppler
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<string> TextAsync(string pdf, bool layout = false, int? page = null)
    {
        var arguments = new List<string> { "-enc", "UTF-8" };
        if (layout)
        {
            arguments.Add("-layout");
        }
        if (page is { } number)
        {
            arguments.AddRange(["-f", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", number.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        arguments.AddRange([pdf, "-"]);
        return await RunAsync("pdftotext", arguments);
    }

    public static Task<string> FontsAsync(string pdf) => RunAsync("pdffonts", [pdf]);

    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", [pdf]);
        var line = info.Split('\n').Single(line => line.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders every page at 50 dpi into <paramref name="folder"/>; returns the PNG files in page order.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(string pdf, string folder)
    {
        Directory.CreateDirectory(folder);
        await RunAsync("pdftoppm", ["-png", "-r", "50", pdf, Path.Combine(folder, "page")]);
        return Directory.GetFiles(folder, "page-*.png").Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var (exit, output) = await ScriptRunner.RunAsync(program, arguments, Limit);
        Assert.True(exit == 0, $"{program} failed ({exit}): {output}");
        return output;
    }
}
