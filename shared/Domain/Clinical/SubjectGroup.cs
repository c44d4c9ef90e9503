namespace AmpaCds.Domain.Clinical;

public enum SubjectGroup
{
    Healthy,
    Trd,
}
