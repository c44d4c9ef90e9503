using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The key authorization codes are encrypted with, derived (HKDF) from the signing key rather than made per process:
/// a code issued by one gateway replica, or before a restart, is redeemed by another. Deriving keeps one secret to
/// mount (ampacds-issuer-key) while the two uses never share key material.
/// </summary>
public static class IssuerEncryptionKey
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("ampacds-local-issuer-code-encryption-v1");

    public static SymmetricSecurityKey DeriveFrom(RsaSecurityKey signingKey)
    {
        var secret = signingKey.Rsa.ExportPkcs8PrivateKey();
        try
        {
            var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Purpose);
            return new SymmetricSecurityKey(key) { KeyId = "enc-" + signingKey.KeyId };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
