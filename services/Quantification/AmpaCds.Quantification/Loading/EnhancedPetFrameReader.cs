using AmpaCds.Dicom;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Loading;

/// <summary>
/// Multi-frame Enhanced PET: every frame becomes a <see cref="SliceImage"/> from its functional groups
/// (per-frame first, then shared): plane position and orientation, pixel measures, rescale; frame timing
/// from the PET Frame Timing group, relative to the earliest frame, so dynamic objects split into time frames.
/// </summary>
public static class EnhancedPetFrameReader
{
    public static bool IsEnhancedPet(DicomDataset dataset) =>
        dataset.GetString(DicomTags.SOPClassUID) == EnhancedPetTags.EnhancedPetImageStorage;

    public static IReadOnlyList<SliceImage> Read(DicomDataset dataset)
    {
        var frames = dataset.TryGetInt(DicomTags.NumberOfFrames, out var count) ? count : 1;
        var perFrame = dataset.TryGetSequence(EnhancedPetTags.PerFrameFunctionalGroupsSequence, out var items) ? items : [];
        if (perFrame.Count != frames)
        {
            throw new PetSeriesException($"Enhanced PET object has {frames} frames but {perFrame.Count} per-frame functional group items");
        }
        var shared = dataset.TryGetSequence(EnhancedPetTags.SharedFunctionalGroupsSequence, out var sharedItems) && sharedItems.Count > 0 ? sharedItems[0] : null;
        var rows = dataset.GetInt(DicomTags.Rows);
        var columns = dataset.GetInt(DicomTags.Columns);
        var times = perFrame.Select(group => FrameStart(group, shared)).ToList();
        var earliest = times.Where(time => time is not null).Min();
        var slices = new List<SliceImage>(frames);
        for (var index = 0; index < frames; index++)
        {
            var group = perFrame[index];
            var position = Item(group, shared, EnhancedPetTags.PlanePositionSequence, $"frame {index + 1}: no Plane Position (Patient)");
            var orientation = Item(group, shared, EnhancedPetTags.PlaneOrientationSequence, $"frame {index + 1}: no Plane Orientation (Patient)");
            var measures = Item(group, shared, EnhancedPetTags.PixelMeasuresSequence, $"frame {index + 1}: no Pixel Measures");
            var transform = FindItem(group, shared, EnhancedPetTags.PixelValueTransformationSequence);
            var values = new float[rows * columns];
            DicomPixelData.CopyFrame(dataset, index, values);
            var slope = transform is not null && transform.TryGetDouble(DicomTags.RescaleSlope, out var s) ? s : 1.0;
            var intercept = transform is not null && transform.TryGetDouble(DicomTags.RescaleIntercept, out var i) ? i : 0.0;
            for (var p = 0; p < values.Length; p++)
            {
                values[p] = (float)(values[p] * slope + intercept);
            }
            var ipp = position.GetDoubles(DicomTags.ImagePositionPatient);
            var spacing = measures.GetDoubles(DicomTags.PixelSpacing);
            if (ipp.Length != 3 || spacing.Length != 2)
            {
                throw new PetSeriesException($"frame {index + 1}: Image Position (Patient) or Pixel Spacing malformed");
            }
            slices.Add(new SliceImage(rows, columns, values, new Point3(ipp[0], ipp[1], ipp[2]),
                orientation.GetDoubles(DicomTags.ImageOrientationPatient), spacing[0], spacing[1], InstanceNumber: index + 1)
            {
                FrameReferenceTimeMs = times[index] is { } start && earliest is { } first ? (start - first).TotalMilliseconds : null,
                FrameDurationMs = Timing(group, shared) is { } timing && timing.TryGetDouble(EnhancedPetTags.FrameAcquisitionDuration, out var duration) ? duration : null,
            });
        }
        return slices;
    }

    private static DateTime? FrameStart(DicomDataset group, DicomDataset? shared) =>
        Timing(group, shared)?.GetString(EnhancedPetTags.FrameReferenceDateTime) is { } text && SuvDicomText.TryParseDateTime(text, out var time) ? time : null;

    private static DicomDataset? Timing(DicomDataset group, DicomDataset? shared) => FindItem(group, shared, EnhancedPetTags.PetFrameTimingSequence);

    private static DicomDataset Item(DicomDataset group, DicomDataset? shared, DicomTag tag, string missing) =>
        FindItem(group, shared, tag) ?? throw new PetSeriesException(missing);

    /// <summary>A functional group is either per frame or shared by all frames (PS3.3 C.7.6.16.1).</summary>
    private static DicomDataset? FindItem(DicomDataset group, DicomDataset? shared, DicomTag tag)
    {
        if (group.TryGetSequence(tag, out var items) && items.Count > 0)
        {
            return items[0];
        }
        return shared is not null && shared.TryGetSequence(tag, out var sharedItems) && sharedItems.Count > 0 ? sharedItems[0] : null;
    }
}
