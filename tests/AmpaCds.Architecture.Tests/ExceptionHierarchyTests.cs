using System.Text.RegularExpressions;

namespace AmpaCds.Architecture.Tests;

/// <summary>
/// The project's own exception types derive from AmpaCdsException (directly or through another of them), so callers can
/// catch "this input cannot be used" as one type. Read from the sources of the production projects.
/// </summary>
public sealed partial class ExceptionHierarchyTests
{
    [Fact]
    public void Every_production_exception_type_derives_from_AmpaCdsException()
    {
        var declarations = Repository.ProductionProjects()
            .SelectMany(project => Directory.EnumerateFiles(Path.GetDirectoryName(project)!, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ExceptionDeclaration().Matches(File.ReadAllText(file))
                .Select(match => (Name: match.Groups["name"].Value, Base: match.Groups["base"].Value, File: Repository.Relative(file))))
            .ToList();
        var projectExceptions = declarations.Select(declaration => declaration.Name).Append("AmpaCdsException").ToHashSet(StringComparer.Ordinal);

        var strays = declarations.Where(declaration => declaration.Name != "AmpaCdsException" && !projectExceptions.Contains(declaration.Base))
            .Select(declaration => $"{declaration.File}: {declaration.Name} : {declaration.Base}")
            .ToList();

        Assert.Contains(declarations, declaration => declaration.Name == "SuvCalculationException");
        Assert.True(strays.Count == 0, "Exceptions outside the hierarchy:\n" + string.Join('\n', strays));
    }

    // "class XException(...) : Base(" or "class XException : Base" (primary constructors and the classic form).
    [GeneratedRegex(@"\bclass\s+(?<name>\w+Exception)\b(?:\([^)]*\))?\s*:\s*(?<base>\w+)", RegexOptions.Singleline)]
    private static partial Regex ExceptionDeclaration();
}
