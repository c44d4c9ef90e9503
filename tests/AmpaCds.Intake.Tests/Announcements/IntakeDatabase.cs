namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>One empty Intake database per test class, on one provider: the settings that select it.</summary>
public abstract class IntakeDatabase : IAsyncLifetime
{
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
