namespace AmpaCds.Synthetic;

public enum Sex
{
    Female,
    Male,
}
