using System.Globalization;
using System.Security.Cryptography;

namespace AmpaCds.Security.Access;

/// <summary>
/// Stored form of a local user's password or a client's secret: PBKDF2-SHA256 with a random salt, as
/// "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64). Configuration holds only this, never the password.
/// </summary>
public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    // OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool IsWellFormed(string? stored) => Parse(stored) is not null;

    public static bool Verify(string? password, string? stored)
    {
        if (password is null || Parse(stored) is not var (iterations, salt, expected))
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static (int Iterations, byte[] Salt, byte[] Hash)? Parse(string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var iterationsText, var saltText, var hashText]
            || !int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 10_000)
        {
            return null;
        }
        try
        {
            return (iterations, Convert.FromBase64String(saltText), Convert.FromBase64String(hashText));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
