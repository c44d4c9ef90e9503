namespace AmpaCds.Reporting.Pdf;

/// <summary>A table column: its header, its share of the table width, and whether numbers align right.</summary>
internal sealed record PdfColumn(string Header, double Weight, bool AlignRight = false);
