using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Intake.Storage;

/// <summary>The blob store as registered before Intake wrapped it; the journal writes through it without waiting on itself.</summary>
public sealed record UndecoratedBlobStore(IBlobStore Store);
