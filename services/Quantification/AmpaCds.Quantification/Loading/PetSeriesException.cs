using AmpaCds.Domain;

namespace AmpaCds.Quantification.Loading;

/// <summary>The instances do not form one quantifiable PET series; the message says why.</summary>
public sealed class PetSeriesException(string message) : AmpaCdsException(message);
