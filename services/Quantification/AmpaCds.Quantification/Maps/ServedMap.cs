namespace AmpaCds.Quantification.Maps;

/// <summary>The template-space maps Quantification serves to other services (the SUV map stays internal).</summary>
public enum ServedMap
{
    Suvr,
    Z,
    Change,
}
