using EsaStage.Emulator;
using EsaStage.Tasks.Tests.TestSupport;

namespace EsaStage.Tasks.Tests.Integration;

[TestClass]
public sealed class SecretLeakTests
{
    [TestMethod]
    public async Task StageRoutine_DiagnosticVerbosityAndBinaryLogUnderGitHubActions_ShowNoSecret()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["secret-edge"] });
        var credential = emulator.IssueTemporaryCredential();
        var project = await ConsumerProject.CreateAsync("SecretApp", """
                <TargetFramework>net10.0</TargetFramework>
                <EsaRoutineName>secret-edge</EsaRoutineName>
                <EsaCodeFile>edge/index.js</EsaCodeFile>
            """);
        var outputFile = Path.Combine(project.Directory, "github-output");
        var binaryLog = Path.Combine(project.Directory, "stage.binlog");
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = credential.AccessKeyId;
        project.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = credential.AccessKeySecret;
        project.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = credential.SecurityToken;
        project.Environment["GITHUB_ACTIONS"] = "true";
        project.Environment["ACTIONS_STEP_DEBUG"] = "true";
        project.Environment["GITHUB_OUTPUT"] = outputFile;

        var run = await project.BuildAsync("-t:StageRoutine", $"-p:EsaEndpoint={emulator.Endpoint.Authority}",
            "-v:diag", $"-bl:{binaryLog}");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var codeVersion = emulator.State.GetRoutine("secret-edge")!.StagingCode!.CodeVersion;
        var log = BinaryLogText.Read(binaryLog);
        Assert.IsTrue(BinaryLogText.Contains(log, codeVersion), "The binary log is searchable and holds the result.");

        var upload = emulator.Requests.Single(r => r.FormFields.Count > 0).FormFields.ToDictionary();
        string[] secrets = [credential.AccessKeySecret, credential.SecurityToken, upload["Signature"],
            upload["policy"], upload["callback"]];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, run.Stdout + run.Stderr);
            Assert.IsFalse(BinaryLogText.Contains(log, secret), "The binary log holds a secret.");
        }

        // Outputs carry the result only: never masked, and no AccessKey ID or upload address.
        var outputs = File.ReadAllText(outputFile);
        StringAssert.Contains(outputs, $"code-version={codeVersion}\n");
        Assert.DoesNotContain(credential.AccessKeyId, outputs);
        Assert.DoesNotContain(emulator.OssEndpoint.Authority, outputs);
        Assert.DoesNotContain($"::add-mask::{codeVersion}", run.Stdout);
    }
}
