using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Intake.Validation;

/// <summary>
/// Checks that an instance is a PET image Intake can make a volume of. Missing geometry or
/// pixels is "dataset does not match SOP class" (A900): the sender learns at once, not the
/// psychiatrist hours later. SUV inputs are checked by Quantification, which knows the rules;
/// the pixels themselves by <see cref="PixelDataCheck"/>.
/// </summary>
public static class PetInstanceValidator
{
    public const string PetImageStorage = "1.2.840.10008.5.1.4.1.1.128";
    public const string EnhancedPetImageStorage = "1.2.840.10008.5.1.4.1.1.130";

    public static IReadOnlyCollection<string> SupportedSopClasses { get; } = [PetImageStorage, EnhancedPetImageStorage];

    private static readonly (DicomTag Tag, string Name)[] RequiredForAll =
    [
        (DicomTags.StudyInstanceUID, "Study Instance UID"),
        (DicomTags.SeriesInstanceUID, "Series Instance UID"),
        (DicomTags.SOPInstanceUID, "SOP Instance UID"),
        (DicomTags.Rows, "Rows"),
        (DicomTags.Columns, "Columns"),
        (DicomTags.PixelData, "Pixel Data"),
    ];

    private static readonly (DicomTag Tag, string Name)[] RequiredForSingleFrame =
    [
        (DicomTags.ImagePositionPatient, "Image Position (Patient)"),
        (DicomTags.ImageOrientationPatient, "Image Orientation (Patient)"),
        (DicomTags.PixelSpacing, "Pixel Spacing"),
    ];

    // Enhanced PET keeps its geometry per frame in functional groups (PS3.3 C.7.6.16).
    private static readonly DicomTag PerFrameFunctionalGroupsSequence = new(0x5200, 0x9230);

    public static InstanceRejection? Validate(DicomDataset dataset, string affectedSopClassUid, string affectedSopInstanceUid, TransferSyntax? syntax = null)
    {
        var sopClass = dataset.GetString(DicomTags.SOPClassUID);
        if (sopClass != affectedSopClassUid)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass, $"SOP Class UID {sopClass} differs from the affected SOP class {affectedSopClassUid}");
        }
        if (!SupportedSopClasses.Contains(sopClass))
        {
            return new(DicomStatus.SopClassNotSupported, $"SOP class {sopClass} is not PET or Enhanced PET Image Storage");
        }
        var enhanced = sopClass == EnhancedPetImageStorage;
        if (Missing(dataset, enhanced ? RequiredForAll : [.. RequiredForAll, .. RequiredForSingleFrame]) is { } missing)
        {
            return missing;
        }
        if (dataset.GetString(DicomTags.SOPInstanceUID) != affectedSopInstanceUid)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass, "SOP Instance UID differs from the affected SOP instance");
        }
        if ((enhanced ? EnhancedGeometryProblem(dataset) : SingleFrameGeometryProblem(dataset)) is { } geometry)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass, geometry);
        }
        foreach (var tag in new[] { DicomTags.StudyInstanceUID, DicomTags.SeriesInstanceUID, DicomTags.SOPInstanceUID })
        {
            if (!IsUid(dataset.GetString(tag)))
            {
                return new(DicomStatus.DatasetDoesNotMatchSopClass, $"{tag} is not a valid UID");
            }
        }
        return PixelDataCheck.Problem(dataset, syntax);
    }

    /// <summary>PS3.5 9.1: digits and dots, at most 64 characters. UIDs become storage keys, so this also guards paths.</summary>
    public static bool IsUid(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiDigit(c) || c == '.') && !value.Contains("..", StringComparison.Ordinal);

    private static InstanceRejection? Missing(DicomDataset dataset, IEnumerable<(DicomTag Tag, string Name)> required)
    {
        foreach (var (tag, name) in required)
        {
            var present = dataset.GetItem(tag) is DicomFragmentSequence fragments ? fragments.Fragments.Count > 0 : !dataset.GetBytes(tag).IsEmpty;
            if (!present)
            {
                return new(DicomStatus.DatasetDoesNotMatchSopClass, $"required attribute {name} {tag} is missing or empty");
            }
        }
        return null;
    }

    private static string? SingleFrameGeometryProblem(DicomDataset dataset) =>
        dataset.GetDoubles(DicomTags.ImagePositionPatient).Length != 3
        || dataset.GetDoubles(DicomTags.ImageOrientationPatient).Length != 6
        || dataset.GetDoubles(DicomTags.PixelSpacing).Length != 2
            ? "image geometry must have 3 position, 6 orientation and 2 spacing values"
            : null;

    private static string? EnhancedGeometryProblem(DicomDataset dataset)
    {
        if (!dataset.TryGetInt(DicomTags.NumberOfFrames, out var frames) || frames <= 0)
        {
            return "Number of Frames (0028,0008) is missing or not positive";
        }
        var perFrame = dataset.GetSequence(PerFrameFunctionalGroupsSequence);
        return perFrame.Count != frames
            ? $"Per-frame Functional Groups Sequence has {perFrame.Count} items for {frames} frames"
            : null;
    }
}
