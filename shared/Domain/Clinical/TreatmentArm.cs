namespace AmpaCds.Domain.Clinical;

/// <summary>Randomised arm; healthy controls are not treated (<see cref="None"/>).</summary>
public enum TreatmentArm
{
    None,
    Ketamine,
    Placebo,
}
