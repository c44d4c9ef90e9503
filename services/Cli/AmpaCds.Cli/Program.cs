using System.CommandLine;
using AmpaCds.Cli.Commands;
using AmpaCds.Cli.Connection;

// The CLI's one clock; commands that read the time take it (docs/CONVENTIONS.md).
var clock = TimeProvider.System;
var root = new RootCommand("AmpaCds: [11C]K-2 AMPA receptor PET quantification and ketamine-response forecasting")
{
    DemoCommand.Create(),
    SimulateCommand.Create(),
    SendCommand.Create(),
    InspectCommand.Create(),
    QuantifyCommand.Create(),
    NormDbCommand.Create(clock),
    ReportCommand.Create(clock),
    ServeCommand.Create(),
    CohortCommand.Create(),
    ModelCommand.Create(clock),
    AuthCommand.Create(),
    AuditCommand.Create(),
    PacsCommand.Create(),
    OpsCommand.Create(),
};
root.Options.Add(ConnectionOptions.Token);
root.Options.Add(ConnectionOptions.Ca);
return await root.Parse(args).InvokeAsync();
