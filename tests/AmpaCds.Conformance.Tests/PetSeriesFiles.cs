using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;
using AmpaCds.Research.Simulation;

namespace AmpaCds.Conformance.Tests;

/// <summary>
/// Writes a PET series straight through the simulator's DICOM writer (same attributes as a simulated study) from a
/// cheap synthetic activity pattern. PetStudySimulator itself cannot serve here: with few slices its regional truth
/// contains NaN and truth.json fails to serialize, and 500 slices of registration-grade simulation are slow.
/// </summary>
public static class PetSeriesFiles
{
    public static IReadOnlyList<string> Write(string folder, int seed, int slices, int size = 128)
    {
        var data = new float[size * size * slices];
        for (var z = 0; z < slices; z++)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                    data[(z * size + y) * size + x] = 1000f + 10f * ((x * 7 + y * 13 + z * 29 + seed) % 400);
        var geometry = VolumeGeometry.Centred(size, size, slices, new Point3(2, 2, 2), Point3.Zero);
        var injection = new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Unspecified);
        var meta = new PetSeriesMetadata($"Synthetic^Subject {seed}", $"SYN{seed:D6}", "F", 45, 70,
            SyntheticUids.For(seed, "study"), SyntheticUids.For(seed, "series"), SyntheticUids.For(seed, "frame-of-reference"),
            injection, injection.AddMinutes(40), 20 * 60_000, 450e6, 1220.04);
        return PetDicomSeriesWriter.Write(new Volume(geometry, data), meta, folder);
    }
}
