using EsaStage.Core.Api;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;
using EsaStage.Core.Oss;
using EsaStage.Core.Staging;
using EsaStage.Emulator;

namespace EsaStage.Core.Tests.TestSupport;

/// <summary>A private emulator with one routine, a client and pipeline pointed at it, and a scratch folder.</summary>
internal sealed class StagingHarness : IAsyncDisposable
{
    public const string Routine = "hello-routine";

    private readonly HttpClient _apiHttp;
    private readonly HttpClient _uploadHttp;

    /// <summary>Retries as the product does, but with waits short enough for tests.</summary>
    public static readonly RetryOptions FastRetry = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private StagingHarness(EsaEmulator emulator, ICredentialProvider? credentials, TimeSpan timeout,
        RetryOptions retry, TimeProvider? time)
    {
        Emulator = emulator;
        Directory = System.IO.Directory.CreateTempSubdirectory("esa-stage-test-").FullName;
        _apiHttp = new HttpClient { Timeout = timeout };
        _uploadHttp = new HttpClient { Timeout = timeout };
        Client = new EsaClient(_apiHttp, emulator.Endpoint, credentials ?? new StaticCredentialProvider(
            new AccessKeyCredential(emulator.AccessKeyId, emulator.AccessKeySecret)), time, Log, retry);
        Upload = new PostObjectUpload(_uploadHttp, Log, retry, time);
        Pipeline = new StagingPipeline(Client, Upload, Log);
    }

    public EsaEmulator Emulator { get; }

    public RecordingStageLog Log { get; } = new();

    public EsaClient Client { get; }

    public PostObjectUpload Upload { get; }

    public StagingPipeline Pipeline { get; }

    public string Directory { get; }

    public static async Task<StagingHarness> StartAsync(
        Func<EsaEmulator, ICredentialProvider>? credentials = null, TimeSpan? timeout = null,
        RetryOptions? retry = null, TimeProvider? time = null)
    {
        var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Routines = [Routine] });
        return new StagingHarness(emulator, credentials?.Invoke(emulator), timeout ?? TimeSpan.FromSeconds(30),
            retry ?? FastRetry, time);
    }

    /// <summary>A harness over an emulator the test started, with a routine created in it.</summary>
    public static Task<StagingHarness> StartAsync(EsaEmulator emulator, ICredentialProvider credentials,
        TimeProvider? time = null)
    {
        emulator.State.CreateRoutine(Routine);
        return Task.FromResult(new StagingHarness(emulator, credentials, TimeSpan.FromSeconds(30), FastRetry, time));
    }

    public string WriteCode(string fileName, byte[] bytes)
    {
        var path = Path.Combine(Directory, fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteCode(string text = "export default { fetch() { return new Response('hi'); } };\n") =>
        WriteCode("worker.js", System.Text.Encoding.UTF8.GetBytes(text));

    public StageRequest Request(string codeFile, string? description = null) =>
        new() { RoutineName = Routine, CodeFile = codeFile, Description = description };

    public IReadOnlyList<RecordedRequest> Requests(RequestTarget target) =>
        [.. Emulator.Requests.Where(r => r.Target == target)];

    public async ValueTask DisposeAsync()
    {
        _apiHttp.Dispose();
        _uploadHttp.Dispose();
        await Emulator.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
