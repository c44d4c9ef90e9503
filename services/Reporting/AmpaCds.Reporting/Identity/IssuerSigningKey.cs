using System.Security.Cryptography;
using AmpaCds.ServiceDefaults.Storage;
using Microsoft.IdentityModel.Tokens;

namespace AmpaCds.Reporting.Identity;

/// <summary>
/// The local issuer's RSA signing key, kept as an owner-only PEM so tokens stay valid across restarts;
/// made at first start when missing. Replicas of the gateway share it through a mounted secret.
/// </summary>
public static class IssuerSigningKey
{
    private const int KeyBits = 2048;

    public static RsaSecurityKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = KeyBits;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            DurableFile.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var key = new RsaSecurityKey(rsa);
        // A stable key id (the RFC 7638 thumbprint) lets validators pick the key out of the JWKS.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
