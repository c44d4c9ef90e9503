using AmpaCds.Domain;

namespace AmpaCds.ServiceDefaults.Storage;

/// <summary>A blob key that would escape the store's root or is otherwise unusable.</summary>
public sealed class BlobKeyException(string key, string reason) : AmpaCdsException($"Blob key '{key}' rejected: {reason}");
