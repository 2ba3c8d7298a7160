using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EsaStage.Emulator.Faults;
using EsaStage.Emulator.Tests.TestSupport;

namespace EsaStage.Emulator.Tests.Hosting;

[TestClass]
public sealed class EsaEmulatorTests
{
    [TestMethod]
    public async Task StartAsync_Defaults_BindsTwoLoopbackPortsWithRandomCredentials()
    {
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());

        Assert.AreEqual("http", emulator.Endpoint.Scheme);
        Assert.AreEqual("127.0.0.1", emulator.Endpoint.Host);
        Assert.AreEqual("127.0.0.1", emulator.OssEndpoint.Host);
        Assert.AreNotEqual(emulator.Endpoint.Port, emulator.OssEndpoint.Port);
        Assert.AreEqual("/", emulator.Endpoint.AbsolutePath);
        Assert.MatchesRegex("^LTAI[A-Za-z0-9]{20}$", emulator.AccessKeyId);
        Assert.MatchesRegex("^[A-Za-z0-9]{30}$", emulator.AccessKeySecret);
    }

    [TestMethod]
    public async Task StartAsync_GivenCredentials_AcceptsOnlyThose()
    {
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            AccessKeyId = "LTAIfixedFixedFixed0000",
            AccessKeySecret = "fixed-secret",
            Routines = ["hello"],
        });

        var answer = await harness.CallAsync("GetRoutine", ("Name", "hello"));

        Assert.AreEqual("LTAIfixedFixedFixed0000", harness.Emulator.AccessKeyId);
        Assert.AreEqual(200, answer.Status, answer.Message);
    }

    [TestMethod]
    public async Task StartAsync_FixedPort_ListensThere()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions { Port = port });

        Assert.AreEqual(port, emulator.Endpoint.Port);
    }

    [TestMethod]
    public async Task StartAsync_OnlyOneHttpsPath_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            EsaEmulator.StartAsync(new EmulatorOptions { HttpsCertificatePemPath = "cert.pem" }));
    }

    [TestMethod]
    public async Task StartAsync_NoCodeVersionAllowed_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            EsaEmulator.StartAsync(new EmulatorOptions { MaxCodeVersions = 0 }));
    }

    [TestMethod]
    public async Task StartAsync_InvalidRoutineName_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            EsaEmulator.StartAsync(new EmulatorOptions { Routines = ["Not_Valid"] }));
    }

    [TestMethod]
    public async Task DisposeAsync_Started_StopsBothListeners()
    {
        var emulator = await EsaEmulator.StartAsync(new EmulatorOptions());
        var endpoints = new[] { emulator.Endpoint, emulator.OssEndpoint };

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        foreach (var endpoint in endpoints)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, endpoint.Port));
        }
    }

    [TestMethod]
    public async Task DisposeAsync_RequestHeldByAnInjectedDelay_StopsPromptly()
    {
        var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Faults.DelayRequests(FaultTarget.Esa, 1, TimeSpan.FromMinutes(5));
        var call = harness.CallAsync("GetRoutine", ("Name", "hello"));
        for (var i = 0; i < 200 && harness.Emulator.Faults.PendingRuleCount > 0; i++)
        {
            await Task.Delay(25);
        }

        var started = TimeProvider.System.GetTimestamp();
        await harness.Emulator.DisposeAsync();

        Assert.IsLessThan(TimeSpan.FromSeconds(4), TimeProvider.System.GetElapsedTime(started));
        await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.AreEqual(0, harness.Emulator.Requests.Single().StatusCode);
        await harness.DisposeAsync();
    }

    [TestMethod]
    public async Task StartAsync_WithPemCertificate_ServesTheWholeFlowOverHttps()
    {
        using var folder = new TemporaryDirectory();
        using var certificate = CreateSelfSigned(folder.File("cert.pem"), folder.File("key.pem"));
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    TrustsExactly(certificate, presented, errors),
            },
        };
        await using var harness = await EmulatorHarness.StartAsync(new EmulatorOptions
        {
            Routines = ["hello"],
            HttpsCertificatePemPath = folder.File("cert.pem"),
            HttpsKeyPemPath = folder.File("key.pem"),
        }, handler);

        var form = await harness.StageAsync("export default 'tls';"u8.ToArray());

        Assert.AreEqual("https", harness.Emulator.Endpoint.Scheme);
        Assert.AreEqual("https", harness.Emulator.OssEndpoint.Scheme);
        Assert.AreEqual(harness.Emulator.OssEndpoint, form.Url);
        Assert.AreEqual(form.CodeVersion, harness.Emulator.State.GetRoutine("hello")!.StagingCode!.CodeVersion);
    }

    [TestMethod]
    public async Task StartAsync_WithPemCertificate_IsRefusedByAClientThatDoesNotTrustIt()
    {
        using var folder = new TemporaryDirectory();
        using var certificate = CreateSelfSigned(folder.File("cert.pem"), folder.File("key.pem"));
        await using var emulator = await EsaEmulator.StartAsync(new EmulatorOptions
        {
            HttpsCertificatePemPath = folder.File("cert.pem"),
            HttpsKeyPemPath = folder.File("key.pem"),
        });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(emulator.Endpoint));
    }

    private static X509Certificate2 CreateSelfSigned(string certificatePath, string keyPath)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private static bool TrustsExactly(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        // The host name must match (SAN 127.0.0.1); only the chain is judged against our one trusted root.
        if (presented is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return chain.Build(leaf);
    }
}
