using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Assembly;

/// <summary>One time frame of a (possibly dynamic) series; timing is null for static series without frame tags.</summary>
public sealed record PetFrame(double? FrameReferenceTimeMs, double? FrameDurationMs, Volume Volume);
