using EsaStage.Core.Api;

namespace EsaStage.Core.Sts;

/// <summary>Turns STS settings into the base address of the STS API.</summary>
/// <remarks>
/// An explicit endpoint (<c>ALIBABA_CLOUD_STS_ENDPOINT</c>, a profile's <c>sts_endpoint</c>) wins; then a region
/// gives <c>sts.&lt;region&gt;.aliyuncs.com</c>, or <c>sts-vpc.&lt;region&gt;.aliyuncs.com</c> with VPC endpoints on;
/// with neither, <c>sts.aliyuncs.com</c>. The same rules as the ESA endpoint apply: a bare host means https, plain
/// http only to loopback (the emulator).
/// </remarks>
public static class StsEndpoint
{
    /// <summary>The global STS host.</summary>
    public const string DefaultHost = "sts.aliyuncs.com";

    /// <summary>Resolves the STS base address.</summary>
    /// <param name="endpoint">A host, <c>host:port</c> or URL; <see langword="null"/> when not given.</param>
    /// <param name="region">A region id; <see langword="null"/> when not given.</param>
    /// <param name="vpc">Whether to use the VPC endpoint of the region.</param>
    /// <returns>An absolute URL with an empty path.</returns>
    /// <exception cref="EsaStageException">The endpoint or region is malformed.</exception>
    public static Uri Resolve(string? endpoint, string? region, bool vpc)
    {
        if (!string.IsNullOrEmpty(endpoint))
        {
            return EsaEndpoint.ParseHost(endpoint, "STS endpoint", DefaultHost);
        }

        if (!string.IsNullOrEmpty(region))
        {
            var id = EsaEndpoint.ValidateRegion(region);
            return new Uri($"https://{(vpc ? "sts-vpc" : "sts")}.{id}.aliyuncs.com/");
        }

        return new Uri($"https://{DefaultHost}/");
    }
}
