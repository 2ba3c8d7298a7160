using EsaStage.Cli.Commands;
using EsaStage.Cli.Terminal;
using EsaStage.Core;

// Ctrl+C and SIGTERM are taken over before anything else runs, so that at any moment they cancel the running
// command, which stops its requests and reports nothing half-done.
using var termination = new TerminationSignals(TimeSpan.FromSeconds(10));

var parse = EsaStageCommandLine.Create(Console.Out, Console.Error).Parse(args);

// stdout carries only the result: usage errors go to stderr, in the same canonical form as every other error.
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine(Diagnostic.Format("error", ErrorCodes.InvalidOption, error.Message));
    }

    var command = parse.CommandResult.Command == parse.RootCommandResult.Command
        ? "esa-stage"
        : $"esa-stage {parse.CommandResult.Command.Name}";
    Console.Error.WriteLine($"Run '{command} --help' for usage.");
    return ExitCodes.Failed;
}

return await parse.InvokeAsync(new() { Output = Console.Out, Error = Console.Error }, termination.Token);
