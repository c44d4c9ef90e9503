using AmpaCds.Imaging;
using AmpaCds.Imaging.Suv;

namespace AmpaCds.Quantification.Loading;

/// <summary>A PET series as quantification needs it: rescaled slices and the SUV header inputs.</summary>
public sealed record PetSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    IReadOnlyList<SliceImage> Slices,
    SuvInputs SuvInputs);
