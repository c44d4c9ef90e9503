namespace AmpaCds.Dicom.Network;

/// <summary>
/// One presentation context: in a request the abstract syntax plus proposed transfer syntaxes;
/// in an accept the result and the single chosen transfer syntax.
/// </summary>
public sealed record PresentationContext(
    byte Id,
    string AbstractSyntax,
    IReadOnlyList<string> TransferSyntaxes,
    PresentationContextResult Result = PresentationContextResult.Proposed)
{
    /// <summary>The negotiated transfer syntax (accept side), if accepted.</summary>
    public string? AcceptedTransferSyntax =>
        Result == PresentationContextResult.Acceptance && TransferSyntaxes.Count > 0 ? TransferSyntaxes[0] : null;
}
