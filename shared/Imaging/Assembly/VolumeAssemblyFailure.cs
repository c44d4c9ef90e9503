namespace AmpaCds.Imaging.Assembly;

/// <summary>Why a set of slices could not be stacked into a volume.</summary>
public enum VolumeAssemblyFailure
{
    NoSlices,
    TooFewSlices,
    InvalidPixelData,
    InconsistentSliceSize,
    InvalidOrientation,
    InconsistentOrientation,
    InvalidPixelSpacing,
    InconsistentPixelSpacing,
    DuplicateSlicePosition,
    MissingSlice,
    NonUniformSliceSpacing,
    GantryTilt,
    InconsistentFrames,
}
