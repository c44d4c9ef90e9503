using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Research.Analytics.Voxelwise;

/// <summary>Connected components of a thresholded map: 26-connectivity, positive and negative voxels never joined.</summary>
public static class VoxelClusters
{
    /// <summary>Clusters of the non-zero voxels of <paramref name="thresholded"/>, largest first.</summary>
    public static IReadOnlyList<VoxelCluster> Find(Volume thresholded, BrainAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(thresholded);
        ArgumentNullException.ThrowIfNull(atlas);
        var grid = thresholded.Geometry;
        var data = thresholded.Data;
        var seen = new bool[data.Length];
        var names = atlas.Regions.ToDictionary(region => region.Label, region => region.Name);
        var clusters = new List<VoxelCluster>();
        var stack = new Stack<int>();
        for (var start = 0; start < data.Length; start++)
        {
            if (seen[start] || data[start] == 0)
            {
                continue;
            }

            var sign = Math.Sign(data[start]);
            int size = 0, peak = start;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var index = stack.Pop();
                size++;
                if (Math.Abs(data[index]) > Math.Abs(data[peak]))
                {
                    peak = index;
                }

                foreach (var neighbour in Neighbours(grid, index))
                {
                    if (!seen[neighbour] && data[neighbour] != 0 && Math.Sign(data[neighbour]) == sign)
                    {
                        seen[neighbour] = true;
                        stack.Push(neighbour);
                    }
                }
            }

            int i = peak % grid.Nx, j = peak / grid.Nx % grid.Ny, k = peak / (grid.Nx * grid.Ny);
            var mm = grid.VoxelToWorld.Apply(new Point3(i, j, k));
            clusters.Add(new VoxelCluster(sign, size, data[peak], i, j, k, mm.X, mm.Y, mm.Z, names.GetValueOrDefault(atlas.Labels[peak], "")));
        }

        return clusters.OrderByDescending(cluster => cluster.Size).ThenByDescending(cluster => Math.Abs(cluster.PeakValue)).ToList();
    }

    private static IEnumerable<int> Neighbours(VolumeGeometry grid, int index)
    {
        int i = index % grid.Nx, j = index / grid.Nx % grid.Ny, k = index / (grid.Nx * grid.Ny);
        for (var dk = -1; dk <= 1; dk++)
        {
            for (var dj = -1; dj <= 1; dj++)
            {
                for (var di = -1; di <= 1; di++)
                {
                    int x = i + di, y = j + dj, z = k + dk;
                    if ((di, dj, dk) != (0, 0, 0) && x >= 0 && y >= 0 && z >= 0 && x < grid.Nx && y < grid.Ny && z < grid.Nz)
                    {
                        yield return grid.Index(x, y, z);
                    }
                }
            }
        }
    }
}
