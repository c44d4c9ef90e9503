namespace AmpaCds.Reporting.Figures;

/// <summary>The three orthogonal views of the slice figures, in the order they are shown.</summary>
public enum SliceView
{
    Axial,
    Coronal,
    Sagittal,
}
