namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The images a report shows. Each is one PNG used alike by the portal page, the standalone HTML export and the PDF,
/// so the three can never disagree. Slice figures show axial, coronal and sagittal views side by side with a colour bar.
/// </summary>
public enum ReportFigure
{
    /// <summary>SUVR in template space, three orthogonal slices with atlas region outlines.</summary>
    SuvrSlices,

    /// <summary>Voxel-wise z against the normative maps, three orthogonal slices with atlas outlines (diverging colours).</summary>
    ZSlices,

    /// <summary>Multi-slice axial overview of the z-map (a montage from skull base to vertex).</summary>
    ZOverview,

    /// <summary>Template brain outline drawn on the patient's SUVR image: the reader judges the registration by eye.</summary>
    RegistrationOverlay,

    /// <summary>Follow-up minus baseline SUVR, three orthogonal slices; only with a baseline study.</summary>
    ChangeSlices,

    /// <summary>Each region's z-score as a bar or point against the normal range (|z| ≤ 2 shaded).</summary>
    ZScoreChart,

    /// <summary>Probability of response with its 90 % interval on a 0-100 % scale.</summary>
    ForecastInterval,
}
