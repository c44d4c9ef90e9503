namespace AmpaCds.Conformance.Tests;

/// <summary>One Intake node and one Orthanc that knows it, shared by the Orthanc tests (each test uses its own study).</summary>
public sealed class OrthancFixture : IAsyncLifetime
{
    public IntakeNode Intake { get; private set; } = null!;
    public OrthancServer Orthanc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Intake = await IntakeNode.StartAsync();
        Orthanc = await OrthancServer.StartAsync(Intake.Port);
    }

    public async Task DisposeAsync()
    {
        if (Orthanc is not null) await Orthanc.DisposeAsync();
        if (Intake is not null) await Intake.DisposeAsync();
    }
}
