using System.CommandLine;
using EsaStage.Core.Staging;
using EsaStage.Emulator;
using EsaStage.Emulator.State;

namespace EsaStage.Cli.Commands;

/// <summary>The <c>esa-stage emulator</c> command: runs the built-in ESA and OSS emulator until stopped.</summary>
internal static class EmulatorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var port = WholeNumberOption.Create("--port",
            "The loopback port of the ESA API (0 picks a free one). The OSS endpoint takes another.", "port", 0, 0,
            65535);
        var accessKeyId = new Option<string>("--access-key-id")
        {
            Description = "The AccessKey ID the emulator accepts (default: a random one, printed at start).",
        };
        var accessKeySecret = new Option<string>("--access-key-secret")
        {
            Description = "The AccessKey secret the emulator accepts (default: a random one, printed at start).",
        };
        var httpsCert = new Option<string>("--https-cert")
        {
            Description = "Serve https with this PEM certificate (needs --https-key).",
            HelpName = "pem",
        };
        var httpsKey = new Option<string>("--https-key")
        {
            Description = "The PEM private key of --https-cert.",
            HelpName = "pem",
        };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Keep routines, versions and code in this folder, so they survive a restart.",
            HelpName = "dir",
        };
        var maxCodeVersions = new Option<int>("--max-code-versions")
        {
            Description = "The most code versions a routine may hold; the default is ESA's documented limit. Raise " +
                "it for long runs such as benchmarks.",
            DefaultValueFactory = _ => EmulatorState.DefaultMaxCodeVersions,
            HelpName = "n",
        };
        maxCodeVersions.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--max-code-versions must be at least 1.");
            }
        });
        var routines = new Option<string[]>("--routine")
        {
            Description = "Create this routine at start (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("emulator",
            "Run the built-in emulator of the ESA OpenAPI and the OSS upload endpoint on loopback until Ctrl+C.")
        {
            port, accessKeyId, accessKeySecret, httpsCert, httpsKey, dataDir, maxCodeVersions, routines,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(httpsCert) is null) != (r.GetResult(httpsKey) is null))
            {
                r.AddError("--https-cert and --https-key go together: give both or neither.");
            }

            if ((r.GetResult(accessKeyId) is null) != (r.GetResult(accessKeySecret) is null))
            {
                r.AddError("--access-key-id and --access-key-secret go together: give both or neither.");
            }

            if (r.GetResult(accessKeyId) is not null && (string.IsNullOrWhiteSpace(r.GetValue(accessKeyId))
                || string.IsNullOrWhiteSpace(r.GetValue(accessKeySecret))))
            {
                r.AddError("--access-key-id and --access-key-secret cannot be blank.");
            }

            foreach (var routine in r.GetValue(routines) ?? [])
            {
                if (!RoutineNames.IsValid(routine))
                {
                    r.AddError($"--routine '{routine}' is not a valid routine name: use 2 to 63 lowercase letters, " +
                        "digits and hyphens, starting with a letter and not ending with a hyphen.");
                }
            }
        });

        command.SetAction((parse, cancellationToken) => new EmulatorCommandHandler(stdout, stderr).RunAsync(
            new EmulatorOptions
            {
                Port = (int)parse.GetValue(port),
                AccessKeyId = parse.GetValue(accessKeyId),
                AccessKeySecret = parse.GetValue(accessKeySecret),
                HttpsCertificatePemPath = parse.GetValue(httpsCert),
                HttpsKeyPemPath = parse.GetValue(httpsKey),
                DataDirectory = parse.GetValue(dataDir),
                MaxCodeVersions = parse.GetValue(maxCodeVersions),
                Routines = parse.GetValue(routines) ?? [],
                Log = line => stderr.WriteLine(line),
            },
            secretGiven: parse.GetResult(accessKeySecret) is not null,
            cancellationToken));
        return command;
    }
}
