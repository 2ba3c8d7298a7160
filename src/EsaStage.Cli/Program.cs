using System.CommandLine.Invocation;
using EsaStage.Cli.Commands;

var parse = EsaStageCommandLine.Create(Console.Out, Console.Error).Parse(args);

// stdout carries only the result, so a usage error lists its errors on stderr without the help text.
if (parse.Action is ParseErrorAction parseError)
{
    parseError.ShowHelp = false;
    Console.Error.WriteLine("Run 'esa-stage --help' for usage.");
}

// Ctrl+C and SIGTERM cancel the running command, which stops its requests and reports nothing half-done; a
// command that has not wound down after the grace period is ended.
return await parse.InvokeAsync(new()
{
    Output = Console.Out,
    Error = Console.Error,
    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
});
