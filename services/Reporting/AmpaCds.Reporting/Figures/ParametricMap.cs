namespace AmpaCds.Reporting.Figures;

/// <summary>The template-space maps Quantification writes for a measured series.</summary>
public enum ParametricMap
{
    Suvr,

    /// <summary>Voxel-wise z against the normative maps; absent when the database has no voxel statistics.</summary>
    Z,

    /// <summary>Follow-up minus baseline SUVR; absent without a baseline study.</summary>
    Change,
}
