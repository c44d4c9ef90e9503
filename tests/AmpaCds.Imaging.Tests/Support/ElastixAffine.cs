using System.Diagnostics;
using System.Globalization;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging;

namespace AmpaCds.Imaging.Tests.Support;

/// <summary>
/// Debian's elastix (5.x) run as an independent affine registration: images written as NIfTI, a
/// parameter file close to elastix's own affine example (AdvancedNormalizedCorrelation, 3 levels,
/// adaptive stochastic gradient descent), and the resulting fixed → moving transform read back.
/// ITK converts NIfTI's RAS to LPS on reading, so elastix's physical space is our world space.
/// </summary>
internal static class ElastixAffine
{
    /// <param name="CpuSeconds">User + system CPU of the elastix process (bash's `time`): fair on a shared, busy machine where wall time is not.</param>
    public sealed record Result(Affine FixedToMoving, TimeSpan Elapsed, double CpuSeconds);

    private const string Parameters = """
        (FixedInternalImagePixelType "float")
        (MovingInternalImagePixelType "float")
        (FixedImageDimension 3)
        (MovingImageDimension 3)
        (UseDirectionCosines "true")
        (Registration "MultiResolutionRegistration")
        (FixedImagePyramid "FixedSmoothingImagePyramid")
        (MovingImagePyramid "MovingSmoothingImagePyramid")
        (Interpolator "BSplineInterpolator")
        (BSplineInterpolationOrder 1)
        (Metric "AdvancedNormalizedCorrelation")
        (Optimizer "AdaptiveStochasticGradientDescent")
        (Transform "AffineTransform")
        (AutomaticTransformInitialization "true")
        (AutomaticTransformInitializationMethod "CenterOfGravity")
        (AutomaticScalesEstimation "true")
        (HowToCombineTransforms "Compose")
        (NumberOfResolutions 3)
        (MaximumNumberOfIterations 400)
        (ImageSampler "RandomCoordinate")
        (NumberOfSpatialSamples 4096)
        (NewSamplesEveryIteration "true")
        (RandomSeed 121212)
        (Resampler "DefaultResampler")
        (ResampleInterpolator "FinalBSplineInterpolator")
        (FinalBSplineInterpolationOrder 1)
        (DefaultPixelValue 0)
        (WriteResultImage "false")
        """;

    public static Result Register(Volume moving, Volume fixedImage, string workFolder, int threads = 2)
    {
        Directory.CreateDirectory(workFolder);
        var fixedPath = Path.Combine(workFolder, "fixed.nii");
        var movingPath = Path.Combine(workFolder, "moving.nii");
        var parameterPath = Path.Combine(workFolder, "affine.txt");
        NiftiWriter.Write(fixedImage, fixedPath);
        NiftiWriter.Write(moving, movingPath);
        File.WriteAllText(parameterPath, Parameters);

        var info = new ProcessStartInfo("bash",
            ["-c", "TIMEFORMAT='elastix-cpu %U %S'; time elastix \"$@\"", "elastix",
             "-f", fixedPath, "-m", movingPath, "-p", parameterPath, "-out", workFolder, "-threads", threads.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("elastix did not finish within 300 s");
        }
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"elastix exited with {process.ExitCode}: {stderr.Result}{Tail(stdout.Result)}");
        }
        var cpu = stderr.Result.Split('\n').Last(line => line.StartsWith("elastix-cpu ", StringComparison.Ordinal)).Split(' ');
        return new Result(ReadTransform(Path.Combine(workFolder, "TransformParameters.0.txt")), watch.Elapsed,
            double.Parse(cpu[1], CultureInfo.InvariantCulture) + double.Parse(cpu[2], CultureInfo.InvariantCulture));
    }

    /// <summary>elastix's AffineTransform: T(x) = A(x − c) + c + t, A row-major in the first nine parameters.</summary>
    public static Affine ReadTransform(string path)
    {
        var lines = File.ReadAllLines(path);
        double[] Values(string name) => lines
            .Single(line => line.StartsWith("(" + name + " ", StringComparison.Ordinal))
            .Trim('(', ')')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(text => double.Parse(text, CultureInfo.InvariantCulture))
            .ToArray();
        var p = Values("TransformParameters");
        var c = Values("CenterOfRotationPoint");
        var centre = new Point3(c[0], c[1], c[2]);
        var linear = Affine.FromRowMajor([
            p[0], p[1], p[2], 0,
            p[3], p[4], p[5], 0,
            p[6], p[7], p[8], 0,
            0, 0, 0, 1]);
        return Affine.Translation(centre + new Point3(p[9], p[10], p[11])) * linear * Affine.Translation(-centre);
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
