using AmpaCds.Contracts.Messages;
using AmpaCds.Dicom;
using AmpaCds.Domain;
using AmpaCds.Imaging.Assembly;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging.Suv;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Longitudinal;
using AmpaCds.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// Loads a stored series, quantifies it, writes its maps, compares it with the patient's baseline and
/// publishes either the measurement or the reason it could not be made. Input problems are answers,
/// not faults: they are published, not retried.
/// </summary>
public sealed class SeriesQuantificationHandler(
    IBlobStore blobs,
    StudyQuantifier quantifier,
    FollowUpTracker followUps,
    ParametricMapWriter mapWriter,
    QuantificationOptions options,
    TimeProvider clock,
    ILogger<SeriesQuantificationHandler> logger)
{
    public async Task HandleAsync(Guid correlationId, string studyUid, string seriesUid, string seriesBlobPrefix,
        IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = await LoadAsync(seriesBlobPrefix, cancellationToken);
            var series = PetSeriesLoader.Load(datasets);
            var result = quantifier.Quantify(series);
            var maps = options.WriteParametricMaps ? await WriteMapsAsync(studyUid, seriesUid, result.Maps, cancellationToken) : null;
            var (longitudinal, changeMap) = await followUps.CompareWithBaselineAsync(series, result, maps?.SuvrMap, cancellationToken);
            if (changeMap is not null && maps is not null)
            {
                maps = maps with { ChangeMap = await mapWriter.WriteAsync(studyUid, seriesUid, "suvr-change", changeMap, cancellationToken) };
            }
            logger.LogInformation("Run {CorrelationId} quantified in {Elapsed} ms, registration similarity {Similarity:F3}, normative database {Normative}, follow-up {FollowUp}",
                correlationId, result.Elapsed.TotalMilliseconds, result.Registration.Similarity, result.Normative?.Version ?? "none", longitudinal is not null);
            await publisher.Publish(new RegionalUptakeMeasured(correlationId, studyUid, seriesUid, result.Regions,
                result.ReferenceRegion, result.ReferenceSuvMean, result.Registration, result.AtlasVersion,
                result.Suv.Factor, clock.GetUtcNow(), result.Normative, maps, longitudinal), cancellationToken);
        }
        // The project's own exceptions say why this input cannot be quantified: a failure reply, not a retry.
        catch (AmpaCdsException error)
        {
            logger.LogWarning("Run {CorrelationId} cannot be quantified: {Reason}", correlationId, error.Message);
            await publisher.Publish(new QuantificationFailed(correlationId, studyUid, seriesUid, error.Message, clock.GetUtcNow()), cancellationToken);
        }
    }

    private async Task<ParametricMapKeys> WriteMapsAsync(string studyUid, string seriesUid, TemplateSpaceMaps maps, CancellationToken cancellationToken) =>
        new(await mapWriter.WriteAsync(studyUid, seriesUid, "suv", maps.Suv, cancellationToken),
            await mapWriter.WriteAsync(studyUid, seriesUid, "suvr", maps.Suvr, cancellationToken),
            maps.Z is null ? null : await mapWriter.WriteAsync(studyUid, seriesUid, "z", maps.Z, cancellationToken));

    private async Task<IReadOnlyList<DicomDataset>> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = (await blobs.ListAsync(prefix, cancellationToken)).Where(key => key.EndsWith(".dcm", StringComparison.Ordinal)).ToList();
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
