using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Imaging;
using AmpaCds.Imaging.Suv;
using AmpaCds.Quantification.Loading;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Loads a stored series, quantifies it and publishes either the measurement or the reason it
/// could not be made. Input problems are answers, not faults: they are published, not retried.
/// </summary>
public sealed class SeriesQuantificationHandler(
    IBlobStore blobs,
    StudyQuantifier quantifier,
    ILogger<SeriesQuantificationHandler> logger)
{
    public async Task HandleAsync(Guid correlationId, string studyUid, string seriesUid, string seriesBlobPrefix,
        IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = await LoadAsync(seriesBlobPrefix, cancellationToken);
            var result = quantifier.Quantify(PetSeriesLoader.Load(datasets));
            logger.LogInformation("Run {CorrelationId} quantified in {Elapsed} ms, registration similarity {Similarity:F3}",
                correlationId, result.Elapsed.TotalMilliseconds, result.Registration.Similarity);
            await publisher.Publish(new RegionalUptakeMeasured(correlationId, studyUid, seriesUid, result.Regions,
                result.ReferenceRegion, result.ReferenceSuvMean, result.Registration, result.AtlasVersion,
                result.Suv.Factor, DateTimeOffset.UtcNow), cancellationToken);
        }
        catch (Exception error) when (error is PetSeriesException or SuvCalculationException or VolumeAssemblyException
                                          or QuantificationException or DicomFormatException)
        {
            logger.LogWarning("Run {CorrelationId} cannot be quantified: {Reason}", correlationId, error.Message);
            await publisher.Publish(new QuantificationFailed(correlationId, studyUid, seriesUid, error.Message, DateTimeOffset.UtcNow), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<DicomDataset>> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = blobs.List(prefix).Where(key => key.EndsWith(".dcm", StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            throw new PetSeriesException($"no stored instances under '{prefix}'");
        }
        var datasets = new DicomDataset[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), cancellationToken, async (index, token) =>
            datasets[index] = DicomFile.Open(await blobs.GetAsync(keys[index], token)).Dataset);
        return datasets;
    }
}
