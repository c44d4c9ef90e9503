namespace AmpaCds.Security.Audit;

/// <summary>EventOutcomeIndicator of PS3.15 A.5.1: 0 success, 4 minor failure, 8 serious failure, 12 major failure.</summary>
public enum AuditOutcome
{
    Success = 0,
    MinorFailure = 4,
    SeriousFailure = 8,
    MajorFailure = 12,
}
