namespace AmpaCds.Dicom.Network;

/// <summary>
/// SCP-side negotiation (PS3.8 9.3.3.2): each proposed context is accepted only if its abstract syntax is supported
/// (else reason 3) and one of its transfer syntaxes is ours (else reason 4); our preference order wins.
/// </summary>
internal static class PresentationContextNegotiator
{
    public static List<PresentationContext> Negotiate(
        IEnumerable<PresentationContext> proposed, IReadOnlySet<string> abstractSyntaxes, IReadOnlyList<string> preferredTransferSyntaxes)
    {
        var results = new List<PresentationContext>();
        foreach (var pc in proposed)
        {
            var chosen = preferredTransferSyntaxes.FirstOrDefault(pc.TransferSyntaxes.Contains);
            var result = !abstractSyntaxes.Contains(pc.AbstractSyntax) ? PresentationContextResult.AbstractSyntaxNotSupported
                : chosen is null ? PresentationContextResult.TransferSyntaxesNotSupported
                : PresentationContextResult.Acceptance;
            results.Add(new PresentationContext(pc.Id, pc.AbstractSyntax,
                result == PresentationContextResult.Acceptance ? [chosen!] : [], result));
        }
        return results;
    }
}
