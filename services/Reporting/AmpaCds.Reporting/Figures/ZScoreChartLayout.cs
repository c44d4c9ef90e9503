namespace AmpaCds.Reporting.Figures;

/// <summary>Geometry of the z-score chart: one row per region, z from −4 (left) to +4 (right) between PlotLeft and PlotRight.</summary>
public sealed record ZScoreChartLayout(int Width, int Height, float PlotLeft, float PlotRight, int Rows)
{
    public const int Margin = 12;
    public const int RowHeight = 24;
    public const int ValueColumn = 56;
    public const int AxisArea = 52;
    public const double Limit = 4;

    public float XFor(double z) => PlotLeft + (float)((Math.Clamp(z, -Limit, Limit) + Limit) / (2 * Limit)) * (PlotRight - PlotLeft);

    public float RowCentre(int row) => Margin + row * RowHeight + RowHeight / 2f;

    public float RowsBottom => Margin + Rows * RowHeight;
}
