using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <param name="TemplateToMoving">Maps a template world point to the PET world point showing the same anatomy.</param>
/// <param name="Similarity">Normalised cross-correlation over the template brain mask, -1..1.</param>
/// <param name="Passed">Similarity, scale factors and field-of-view overlap all within the configured limits.</param>
/// <param name="QualityReason">Human-readable verdict with the measured values (why it passed or failed).</param>
/// <param name="Scales">Scale factors of <paramref name="TemplateToMoving"/> along the template axes (x, y, z).</param>
/// <param name="Overlap">Share of the template brain mask that maps inside the PET field of view.</param>
/// <param name="Iterations">Accepted plus rejected optimiser steps over all levels.</param>
public sealed record RegistrationResult(
    Affine TemplateToMoving,
    double Similarity,
    bool Passed,
    string QualityReason,
    int Iterations,
    TimeSpan Elapsed,
    Point3 Scales,
    double Overlap);
