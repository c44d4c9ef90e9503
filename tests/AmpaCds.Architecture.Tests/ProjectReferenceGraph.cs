using System.Xml.Linq;

namespace AmpaCds.Architecture.Tests;

/// <summary>The ProjectReference graph read from csproj XML, so the rule is checked without running MSBuild.</summary>
public static class ProjectReferenceGraph
{
    /// <summary>Full paths of the projects <paramref name="projectPath"/> references directly.</summary>
    public static IReadOnlyList<string> DirectReferences(string projectPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        return XDocument.Load(projectPath).Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => element.Attribute("Include")?.Value)
            .OfType<string>()
            // MSBuild accepts either separator; csproj files written on Windows use backslashes.
            .Select(include => Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    /// <summary>
    /// The shortest reference chain from <paramref name="projectPath"/> (first) to a project that
    /// <paramref name="isForbidden"/> accepts (last), or null when none is reachable.
    /// </summary>
    public static IReadOnlyList<string>? FindPath(string projectPath, Func<string, bool> isForbidden)
    {
        var start = Path.GetFullPath(projectPath);
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [start] = null };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current != start && isForbidden(current))
            {
                var path = new List<string>();
                for (var step = current; step is not null; step = cameFrom[step])
                {
                    path.Add(step);
                }

                path.Reverse();
                return path;
            }

            // A reference to a missing file is MSBuild's error to report; there is nothing further to walk.
            if (!File.Exists(current))
            {
                continue;
            }

            foreach (var next in DirectReferences(current).Where(next => !cameFrom.ContainsKey(next)))
            {
                cameFrom[next] = current;
                queue.Enqueue(next);
            }
        }

        return null;
    }
}
