using System.CommandLine;
using AmpaCds.Cli.Commands;

var root = new RootCommand("AmpaCds: [11C]K-2 AMPA receptor PET quantification and ketamine-response forecasting")
{
    DemoCommand.Create(),
    SimulateCommand.Create(),
    SendCommand.Create(),
    InspectCommand.Create(),
    QuantifyCommand.Create(),
    NormDbCommand.Create(),
    ReportCommand.Create(),
    ServeCommand.Create(),
    CohortCommand.Create(),
    ModelCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
