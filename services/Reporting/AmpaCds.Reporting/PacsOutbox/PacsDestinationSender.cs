using AmpaCds.Dicom;
using AmpaCds.Dicom.Network;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.PacsOutbox;

/// <summary>Sends a batch of made objects to one destination over one association with the project's C-STORE SCU.</summary>
public sealed class PacsDestinationSender(IBlobStore blobs, IOptions<PacsOptions> options)
{
    /// <summary>One outcome per object, in order. Never throws for the destination's sake: a failed association is an outcome for every object.</summary>
    public async Task<IReadOnlyList<PacsStoreOutcome>> SendAsync(PacsDestinationOptions destination, IReadOnlyList<StoredPacsObject> objects,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(objects);
        var settings = options.Value;
        var client = new DicomClient(destination.Host, destination.Port, settings.CallingAeTitle, destination.AeTitle)
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            Tls = PacsTlsClient.For(destination),
        };
        try
        {
            var files = new List<DicomFile>(objects.Count);
            foreach (var item in objects)
            {
                files.Add(DicomFile.Open(await blobs.GetAsync(item.BlobKey, cancellationToken)));
            }
            var results = await client.StoreAsync(files, cancellationToken);
            return results.Select(result => PacsStatusClassifier.FromStatus(result.Status, result.ErrorComment)).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var outcome = PacsStatusClassifier.FromException(exception);
            return objects.Select(_ => outcome).ToList();
        }
    }
}
