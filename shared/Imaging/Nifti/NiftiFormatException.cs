using AmpaCds.Domain;

namespace AmpaCds.Imaging.Nifti;

/// <summary>The bytes are not a NIfTI-1 image this library can read.</summary>
public sealed class NiftiFormatException(string message) : AmpaCdsException(message);
