using System.Diagnostics;
using System.Text.RegularExpressions;
using EsaStage.Cli.Tests.TestSupport;
using EsaStage.Tests.Shared;

namespace EsaStage.Cli.Tests.Commands;

[TestClass]
public sealed class EmulatorCommandTests
{
    [TestMethod]
    public async Task Emulator_Started_PrintsEndpointAndCredentialsThatStageWorksWith()
    {
        using var emulator = ToolProcess.Start(["emulator", "--routine", "hello-routine"]);
        try
        {
            var banner = await ReadBannerAsync(emulator);
            var endpoint = Match(banner, @"ESA endpoint:\s+http://(\S+?)/");
            var id = Match(banner, @"AccessKey ID:\s+(\S+)");
            var secret = Match(banner, @"AccessKey secret:\s+(\S+)");

            var run = await ToolProcess.RunAsync(
                ["stage", "--endpoint", endpoint, "--name", "hello-routine", "--code", RepositoryPaths.SampleCode],
                new Dictionary<string, string>
                {
                    ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = id,
                    ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = secret,
                });

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            using var http = new HttpClient();
            var stored = await http.GetByteArrayAsync($"http://{endpoint}/_emulator/routines/hello-routine/code");
            CollectionAssert.AreEqual(File.ReadAllBytes(RepositoryPaths.SampleCode), stored);
        }
        finally
        {
            await StopAsync(emulator);
        }

        Assert.AreEqual(0, emulator.ExitCode);
        Assert.Contains("Emulator stopped.", await emulator.StandardError.ReadToEndAsync());
    }

    [TestMethod]
    [DataRow("--routine", "Bad_Name", "--routine 'Bad_Name' is not a valid routine name")]
    [DataRow("--port", "abc", "--port is 'abc'")]
    [DataRow("--port", "70000", "--port is '70000'")]
    public async Task Emulator_InvalidOption_IsRefusedWithoutAStackTrace(string option, string value, string message)
    {
        var run = await ToolProcess.RunAsync(["emulator", option, value]);

        Assert.AreEqual(1, run.ExitCode, run.ToString());
        Assert.Contains("error ESA1011: " + message, run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
    }

    [TestMethod]
    public async Task Emulator_HttpsCertWithoutKey_IsRefused()
    {
        var run = await ToolProcess.RunAsync(["emulator", "--https-cert", "cert.pem"]);

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("--https-cert and --https-key go together", run.Stderr);
    }

    [TestMethod]
    public async Task Emulator_MaxCodeVersionsOne_RefusesTheSecondStage()
    {
        using var emulator = ToolProcess.Start(["emulator", "--routine", "hello-routine", "--max-code-versions", "1"]);
        try
        {
            var banner = await ReadBannerAsync(emulator);
            var environment = new Dictionary<string, string>
            {
                ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = Match(banner, @"AccessKey ID:\s+(\S+)"),
                ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = Match(banner, @"AccessKey secret:\s+(\S+)"),
            };
            string[] stage = ["stage", "--endpoint", Match(banner, @"ESA endpoint:\s+http://(\S+?)/"),
                "--name", "hello-routine", "--code", RepositoryPaths.SampleCode];

            var first = await ToolProcess.RunAsync(stage, environment);
            var second = await ToolProcess.RunAsync(stage, environment);

            Assert.AreEqual(0, first.ExitCode, first.ToString());
            Assert.AreEqual(1, second.ExitCode, second.ToString());
            Assert.Contains("error ESA2002", second.Stderr);
        }
        finally
        {
            await StopAsync(emulator);
        }
    }

    [TestMethod]
    public async Task Emulator_MaxCodeVersionsZero_IsRefused()
    {
        var run = await ToolProcess.RunAsync(["emulator", "--max-code-versions", "0"]);

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        Assert.Contains("--max-code-versions must be at least 1.", run.Stderr);
    }

    private static async Task<string> ReadBannerAsync(Process process)
    {
        var banner = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            banner.AppendLine(line);
            if (line.Contains("Press Ctrl+C", StringComparison.Ordinal))
            {
                return banner.ToString();
            }
        }

        Assert.Fail("The emulator exited before printing its banner: " + banner +
            await process.StandardError.ReadToEndAsync());
        return string.Empty;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            await ToolProcess.InterruptAsync(process);
        }
    }

    private static string Match(string text, string pattern)
    {
        var match = Regex.Match(text, pattern);
        Assert.IsTrue(match.Success, $"'{pattern}' not found in:\n{text}");
        return match.Groups[1].Value;
    }
}
