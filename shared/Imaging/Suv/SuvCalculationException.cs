using AmpaCds.Domain;

namespace AmpaCds.Imaging.Suv;

/// <summary>Why an SUV factor could not be computed.</summary>
public enum SuvFailure
{
    /// <summary>Corrected Image (0028,0051) lacks ATTN or DECY.</summary>
    NotCorrected,
    /// <summary>Decay Correction (0054,1102) missing, NONE or unknown.</summary>
    DecayCorrection,
    /// <summary>Units (0054,1001) missing or unsupported.</summary>
    Units,
    /// <summary>A required attribute is missing.</summary>
    MissingValue,
    /// <summary>An attribute has an impossible or malformed value.</summary>
    InvalidValue,
    /// <summary>Attributes contradict each other (e.g. injection after scan).</summary>
    Contradictory,
}

/// <summary>Thrown when the SUV factor cannot be computed; <see cref="Exception.Message"/> says exactly why.</summary>
public sealed class SuvCalculationException : AmpaCdsException
{
    /// <summary>Creates the exception.</summary>
    public SuvCalculationException(SuvFailure failure, string message) : base(message) => Failure = failure;

    /// <summary>Creates the exception (category <see cref="SuvFailure.InvalidValue"/>).</summary>
    public SuvCalculationException() : this(SuvFailure.InvalidValue, "SUV cannot be computed") { }

    /// <summary>Creates the exception (category <see cref="SuvFailure.InvalidValue"/>).</summary>
    public SuvCalculationException(string message) : this(SuvFailure.InvalidValue, message) { }

    /// <summary>Creates the exception (category <see cref="SuvFailure.InvalidValue"/>).</summary>
    public SuvCalculationException(string message, Exception innerException) : base(message, innerException)
        => Failure = SuvFailure.InvalidValue;

    /// <summary>Category of the failure.</summary>
    public SuvFailure Failure { get; }
}
