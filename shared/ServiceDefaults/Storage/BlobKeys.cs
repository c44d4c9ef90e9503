namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>What every store accepts as a key, so a bad key fails the same way before anything is written.</summary>
public static class BlobKeys
{
    /// <exception cref="BlobKeyException">The key is empty, rooted or contains "..".</exception>
    public static string Validate(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key) || key.StartsWith('/'))
        {
            throw new BlobKeyException(key, "keys are relative and may not contain '..'");
        }
        return key;
    }
}
