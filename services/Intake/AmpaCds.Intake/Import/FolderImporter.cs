using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.Intake.DicomWeb;
using AmpaCds.Intake.Storage;
using AmpaCds.Intake.Validation;

namespace AmpaCds.Intake.Import;

/// <summary>
/// Imports Part 10 files from a folder through the same validation and storage as C-STORE and
/// STOW-RS. Used by the embedded demo, which needs no network, and by sites that drop files.
/// </summary>
public sealed class FolderImporter(InstanceIntake intake)
{
    public async Task<IReadOnlyList<(string Path, InstanceRejection Rejection)>> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var refused = new List<(string, InstanceRejection)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            InstanceRejection? rejection;
            try
            {
                // The raw dataset goes to Intake as a C-STORE dataset would: parsed once, stored as received.
                var instance = Part10Instance.Split(await File.ReadAllBytesAsync(path, cancellationToken));
                rejection = await intake.AcceptAsync(instance.DatasetBytes, instance.Syntax, instance.SopClassUid,
                    instance.SopInstanceUid, $"folder {folder}", cancellationToken);
            }
            catch (DicomFormatException error)
            {
                rejection = new InstanceRejection(DicomStatus.CannotUnderstand, error.Message);
            }
            if (rejection is not null)
            {
                refused.Add((path, rejection));
            }
        }
        return refused;
    }
}
