namespace EsaStage.Emulator;

/// <summary>Which part of the emulator a <see cref="RecordedRequest"/> reached.</summary>
public enum RequestTarget
{
    /// <summary>The ESA OpenAPI on <see cref="EsaEmulator.Endpoint"/>.</summary>
    Esa,

    /// <summary>The OSS form upload endpoint on <see cref="EsaEmulator.OssEndpoint"/>.</summary>
    Oss,

    /// <summary>The OSS upload callback into ESA (<c>POST /_oss/callback</c> on the ESA port).</summary>
    Callback,

    /// <summary>The unsigned admin API under <c>/_emulator/</c> on the ESA port.</summary>
    Admin,

    /// <summary>STS (<c>AssumeRole</c>, <c>AssumeRoleWithOIDC</c>) on <see cref="EsaEmulator.StsEndpoint"/>.</summary>
    Sts,
}
