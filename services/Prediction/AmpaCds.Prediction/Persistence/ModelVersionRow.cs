namespace AmpaCds.Prediction.Persistence;

/// <summary>
/// A row of ModelVersions: the metadata of a registered model. Binary artifacts are blobs, metadata in the
/// database: model.zip (and ensemble.json, model-card.json) are put durably into the blob store under
/// prediction/models/&lt;version&gt;/ by <see cref="Registry.BlobModelArtifacts"/> before this row is committed; this row
/// says which versions exist and which one is active.
/// </summary>
public sealed class ModelVersionRow
{
    public required string Version { get; set; }

    public required string Origin { get; set; }

    public long TrainedAtUtcTicks { get; set; }

    /// <summary>JSON of <see cref="StoredModelCard"/>, Prediction's own stored record (not the ModelCard type or a proto).</summary>
    public required string Card { get; set; }

    /// <summary>At most one row is active: a partial unique index on IsActive enforces it.</summary>
    public bool IsActive { get; set; }

    public long? ActivatedAtUtcTicks { get; set; }
}
