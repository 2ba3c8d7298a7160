using System.Text.Json;

namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>One test's own emulator and HTTP client, with helpers for the common calls.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(EsaEmulator emulator, HttpClient http, TimeProvider time)
    {
        Emulator = emulator;
        Http = http;
        Time = time;
    }

    public EsaEmulator Emulator { get; }

    public HttpClient Http { get; }

    /// <summary>Gets the emulator's clock; requests are dated by it.</summary>
    public TimeProvider Time { get; }

    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null,
        HttpMessageHandler? handler = null)
    {
        options ??= new EmulatorOptions { Routines = ["hello"] };
        var emulator = await EsaEmulator.StartAsync(options);
        return new EmulatorHarness(emulator, new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false }),
            options.TimeProvider);
    }

    public Task<EsaAnswer> CallAsync(string action, params (string Name, string Value)[] args) =>
        SendAsync(SignedEsaRequest.For(Emulator, action, args));

    public async Task<EsaAnswer> SendAsync(SignedEsaRequest request)
    {
        using var message = request.ToHttpRequest(Emulator.Endpoint, Time.GetUtcNow());
        return await SendAsync(message);
    }

    public async Task<EsaAnswer> SendAsync(HttpRequestMessage message)
    {
        using var response = await Http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(body);
        return new EsaAnswer((int)response.StatusCode, document.RootElement.Clone(),
            response.Content.Headers.ContentType?.ToString(), response.Headers);
    }

    public async Task<UploadForm> IssueUploadAsync(string routine = "hello", string? description = null)
    {
        var answer = description is null
            ? await CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", routine))
            : await CallAsync("GetRoutineStagingCodeUploadInfo", ("Name", routine), ("CodeDescription", description));
        Assert.AreEqual(200, answer.Status, answer.Message);
        return UploadForm.From(answer.Json);
    }

    public async Task<HttpResponseMessage> PostFormAsync(MultipartBody body, bool chunked = false,
        string? contentType = null)
    {
        using var content = body.ToContent(chunked, contentType);
        return await Http.PostAsync(Emulator.OssEndpoint, content);
    }

    /// <summary>Issues a form, uploads <paramref name="code"/> with it and expects 200.</summary>
    public async Task<UploadForm> StageAsync(byte[] code, string routine = "hello", string? description = null)
    {
        var form = await IssueUploadAsync(routine, description);
        using var response = await PostFormAsync(form.ToMultipart(code));
        Assert.AreEqual(200, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return form;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
