namespace AmpaCds.Synthetic;

public enum SubjectGroup
{
    Healthy,
    Trd,
}
