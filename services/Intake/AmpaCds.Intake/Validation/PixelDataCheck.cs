using AmpaCds.Dicom;
using Codecs = AmpaCds.Dicom.Codecs;
using AmpaCds.Dicom.Network;

namespace AmpaCds.Intake.Validation;

/// <summary>
/// Checks that an instance's pixels can be measured before it is accepted: native Pixel Data must hold every
/// frame the Image Pixel module declares, compressed Pixel Data must decode losslessly (every frame is decoded
/// once here, so a corrupt codestream is refused now, not found when the study is quantified), and images
/// marked as lossy-compressed are refused because SUV needs the values the scanner stored.
/// </summary>
public static class PixelDataCheck
{
    /// <param name="syntax">The transfer syntax the dataset arrived in, when known: it decides whether Pixel Data must be encapsulated.</param>
    public static InstanceRejection? Problem(DicomDataset dataset, TransferSyntax? syntax)
    {
        if (syntax is not null && dataset.Contains(DicomTags.PixelData) && syntax.IsEncapsulated != DicomPixelData.IsEncapsulated(dataset))
        {
            return new(DicomStatus.CannotUnderstand, syntax.IsEncapsulated
                ? $"{Codecs.CompressedTransferSyntaxes.Describe(syntax.Uid)} carries compressed Pixel Data, but this Pixel Data is native"
                : $"{syntax.Name} carries native Pixel Data, but this Pixel Data is encapsulated");
        }
        if (dataset.GetString(DicomTags.LossyImageCompression)?.Trim() == "01")
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass,
                "Lossy Image Compression (0028,2110) is 01: lossy-compressed images do not hold the measured activity; send the original images");
        }
        DicomPixelInfo info;
        try
        {
            info = DicomPixelData.GetInfo(dataset);
        }
        catch (DicomFormatException error)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass, error.Message);
        }
        if (info.BitsAllocated is not (8 or 16 or 32) || info.SamplesPerPixel != 1)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass,
                $"a PET image is one sample of 8, 16 or 32 bits per pixel, not {info.SamplesPerPixel} sample(s) of {info.BitsAllocated} bits");
        }
        return DicomPixelData.IsEncapsulated(dataset) ? DecodeEveryFrame(dataset) : NativeLengthProblem(dataset, info);
    }

    private static InstanceRejection? NativeLengthProblem(DicomDataset dataset, DicomPixelInfo info)
    {
        var held = dataset.GetBytes(DicomTags.PixelData).Length;
        var needed = (long)info.FrameLength * info.NumberOfFrames;
        return held >= needed ? null : new(DicomStatus.DatasetDoesNotMatchSopClass,
            $"Pixel Data holds {held} bytes; {info.NumberOfFrames} frame(s) of {info.Rows} x {info.Columns} x {info.BitsAllocated} bits need {needed}");
    }

    private static InstanceRejection? DecodeEveryFrame(DicomDataset dataset)
    {
        if (DicomPixelData.WhyNotReadable(dataset) is { } reason)
        {
            return new(DicomStatus.DatasetDoesNotMatchSopClass, reason);
        }
        var frame = 0;
        try
        {
            foreach (var _ in DicomPixelData.EnumerateFrameBytes(dataset))
            {
                frame++;
            }
        }
        catch (DicomFormatException error)
        {
            return new(DicomStatus.CannotUnderstand, $"compressed Pixel Data of frame {frame + 1} cannot be decoded: {error.Message}");
        }
        return null;
    }
}
