namespace AmpaCds.Domain.Clinical;

public enum Sex
{
    Female,
    Male,
}
