namespace AmpaCds.Reporting.Figures;

/// <summary>Which atlas boundaries a slice image draws.</summary>
public enum OutlineMode
{
    /// <summary>Every boundary between two labels (region outlines), thin and light.</summary>
    Regions,

    /// <summary>Only the boundary of the template brain (label &gt; 0), two pixels wide in a bright colour.</summary>
    TemplateBrain,
}
