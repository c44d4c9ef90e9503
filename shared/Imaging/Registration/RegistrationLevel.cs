using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>One pyramid level: template sampled every <paramref name="SpacingMm"/> after smoothing both images by <paramref name="SmoothingFwhmMm"/>.</summary>
public sealed record RegistrationLevel(double SpacingMm, double SmoothingFwhmMm, bool Rigid, bool Affine);
