using YamlDotNet.RepresentationModel;

namespace AmpaCds.Deployment.Tests;

/// <summary>Reads the repository's YAML as plain nodes, so the tests check what Docker and Kubernetes would read.</summary>
public static class Yaml
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<YamlMappingNode> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, relativePath));
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    /// <summary>The documents of a YAML text, e.g. what `kubectl kustomize` printed.</summary>
    public static IReadOnlyList<YamlMappingNode> Parse(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode).ToList();
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }
        return node;
    }

    public static bool Has(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.ContainsKey(new YamlScalarNode(key));

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    public static IReadOnlyList<YamlNode> Items(this YamlNode node) => ((YamlSequenceNode)node).Children.ToList();

    /// <summary>The entries of a mapping as text, e.g. a selector's matchLabels.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode node) =>
        ((YamlMappingNode)node).Children.ToDictionary(pair => pair.Key.Text(), pair => pair.Value.Text());

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AmpaCds.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("AmpaCds.sln not found");
    }
}
