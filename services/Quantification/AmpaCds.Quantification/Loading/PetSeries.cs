using AmpaCds.Contracts.Messages;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Loading;

/// <summary>A PET series as quantification needs it: rescaled slices and the SUV header inputs.</summary>
/// <param name="PatientId">Only to link a follow-up to its baseline: never logged, never published.</param>
public sealed record PetSeries(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    IReadOnlyList<SliceImage> Slices,
    SuvInputs SuvInputs,
    string? PatientId = null,
    double? PatientAgeYears = null,
    DateOnly? StudyDate = null)
{
    /// <summary>Scanner, reconstruction and injection details for the report; equipment and protocol only.</summary>
    public PetAcquisition? Acquisition { get; init; }
}
