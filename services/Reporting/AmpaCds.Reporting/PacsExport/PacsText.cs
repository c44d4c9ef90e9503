using System.Text;
using AmpaCds.Dicom;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>
/// Sets text values of items inside sequences (SR content items, code items) as UTF-8, the character set every exported
/// object declares (<see cref="CommonModules.CharacterSet"/>).
/// </summary>
/// <remarks>
/// Why not the dataset's own setter: it encodes a value when it is set, with the Specific Character Set of the item or
/// of the dataset the item already belongs to. An SR content item is built before it is put into its sequence, so it has
/// neither and the setter falls back to the default repertoire: every character outside ASCII ("≤", a Japanese region
/// name or model note) became "?". The previous note "SR text items must be ASCII" described that loss.
/// </remarks>
internal static class PacsText
{
    public static DicomDataset AddText(this DicomDataset dataset, DicomTag tag, DicomVR vr, string value)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(value);
        if (!vr.UsesCharacterSet) throw new ArgumentException($"VR {vr} does not take the character set; set it as ASCII.", nameof(vr));
        // Limits count characters, not bytes (PS3.5 6.2); a backslash would split a multi-valued VR into two values.
        if (vr.MaxLength > 0 && value.Length > vr.MaxLength)
            throw new ArgumentException($"'{value}' is longer than the {vr.MaxLength} characters VR {vr} allows.", nameof(value));
        if (vr.IsMultiValuedText && value.Contains('\\', StringComparison.Ordinal))
            throw new ArgumentException($"'{value}' holds a backslash, which VR {vr} reads as a value separator.", nameof(value));
        // The byte overload pads an odd length with the VR's padding byte (a space for text).
        return dataset.AddOrUpdate(tag, vr, Encoding.UTF8.GetBytes(value));
    }
}
