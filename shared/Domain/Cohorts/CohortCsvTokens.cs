using AmpaCds.Domain.Clinical;

namespace AmpaCds.Domain.Cohorts;

/// <summary>The lowercase words the cohort CSV uses for enumerations and booleans.</summary>
internal static class CohortCsvTokens
{
    public static string Group(SubjectGroup group) => group == SubjectGroup.Trd ? "trd" : "healthy";

    public static string Arm(TreatmentArm arm) => arm switch
    {
        TreatmentArm.Ketamine => "ketamine",
        TreatmentArm.Placebo => "placebo",
        _ => "none",
    };

    public static string Sex(Sex sex) => sex == Clinical.Sex.Female ? "female" : "male";

    public static string Boolean(bool value) => value ? "true" : "false";

    public static SubjectGroup ParseGroup(string token) => token.ToLowerInvariant() switch
    {
        "trd" => SubjectGroup.Trd,
        "healthy" => SubjectGroup.Healthy,
        _ => throw new FormatException($"group must be 'trd' or 'healthy', not '{token}'"),
    };

    public static TreatmentArm ParseArm(string token) => token.ToLowerInvariant() switch
    {
        "ketamine" => TreatmentArm.Ketamine,
        "placebo" => TreatmentArm.Placebo,
        "none" or "" => TreatmentArm.None,
        _ => throw new FormatException($"arm must be 'ketamine', 'placebo' or 'none', not '{token}'"),
    };

    public static Sex ParseSex(string token) => token.ToLowerInvariant() switch
    {
        "female" or "f" => Clinical.Sex.Female,
        "male" or "m" => Clinical.Sex.Male,
        _ => throw new FormatException($"sex must be 'female' or 'male', not '{token}'"),
    };

    public static bool ParseBoolean(string token) => token.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new FormatException($"expected 'true' or 'false', not '{token}'"),
    };
}
