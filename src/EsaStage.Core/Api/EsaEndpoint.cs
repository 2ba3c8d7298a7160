using System.Net;
using System.Text.RegularExpressions;

namespace EsaStage.Core.Api;

/// <summary>Turns the user's endpoint and region settings into the base address of the ESA OpenAPI.</summary>
/// <remarks>
/// An explicit endpoint wins over a region; with neither, the China site's endpoint is used, as the ESA CLI does.
/// A bare host means https; plain http is accepted only for loopback hosts (the emulator). Anything blank or
/// malformed is refused here, so no request ever goes to a half-built host such as <c>esa..aliyuncs.com</c>.
/// </remarks>
public static partial class EsaEndpoint
{
    /// <summary>The default endpoint (the China site).</summary>
    public const string DefaultHost = "esa.cn-hangzhou.aliyuncs.com";

    /// <summary>Resolves the API base address.</summary>
    /// <param name="endpoint">A host, <c>host:port</c> or absolute URL; <see langword="null"/> when not given.</param>
    /// <param name="region">A region id such as <c>ap-southeast-1</c>; <see langword="null"/> when not given.</param>
    /// <returns>An absolute URL with an empty path, e.g. <c>https://esa.cn-hangzhou.aliyuncs.com/</c>.</returns>
    /// <exception cref="EsaStageException">The endpoint or region is blank or malformed.</exception>
    public static Uri Resolve(string? endpoint, string? region)
    {
        if (endpoint is not null)
        {
            return ParseEndpoint(endpoint);
        }

        if (region is not null)
        {
            return new Uri($"https://esa.{ValidateRegion(region)}.aliyuncs.com/");
        }

        return new Uri($"https://{DefaultHost}/");
    }

    /// <summary>
    /// Whether <paramref name="host"/> is a loopback host (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>).
    /// </summary>
    /// <param name="host">A host name or IP address, IPv6 with or without brackets.</param>
    /// <returns><see langword="true"/> for loopback hosts.</returns>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);

        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Checks a region id.</summary>
    /// <param name="region">The region id.</param>
    /// <returns>The region id.</returns>
    /// <exception cref="EsaStageException">The region is blank or malformed.</exception>
    internal static string ValidateRegion(string region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new EsaStageException(ErrorCodes.InvalidRegion,
                "The region is blank. Give a region id such as cn-hangzhou or ap-southeast-1, or leave it unset.");
        }

        if (!RegionPattern().IsMatch(region))
        {
            throw new EsaStageException(ErrorCodes.InvalidRegion,
                $"The region '{region}' is not a region id. Use lowercase letters, digits and single hyphens, " +
                "such as cn-hangzhou or ap-southeast-1.");
        }

        return region;
    }

    private static Uri ParseEndpoint(string endpoint) => ParseHost(endpoint, "endpoint", DefaultHost);

    /// <summary>Parses a host, <c>host:port</c> or URL under the rules of <see cref="Resolve"/>.</summary>
    /// <param name="endpoint">The value.</param>
    /// <param name="what">What the value is, for messages, e.g. <c>STS endpoint</c>.</param>
    /// <param name="example">An example host for messages.</param>
    /// <returns>An absolute URL with an empty path.</returns>
    /// <exception cref="EsaStageException">The value is not usable.</exception>
    internal static Uri ParseHost(string endpoint, string what, string example)
    {
        EsaStageException Invalid(string endpoint, string reason)
        {
            // A URL with user info may carry a password: it is never echoed back.
            var shown = endpoint.Contains('@', StringComparison.Ordinal)
                ? "(a URL with user info, not shown)"
                : endpoint;
            return new(ErrorCodes.InvalidEndpoint,
                $"The {what} '{shown}' is not usable: {reason}. Give a host such as {example}" +
                (what == "endpoint" ? ", or leave it unset and give a region." : "."));
        }

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw Invalid(endpoint, "it is blank");
        }

        if (endpoint.Trim().Length != endpoint.Length)
        {
            throw Invalid(endpoint, "it has leading or trailing whitespace");
        }

        var hasScheme = endpoint.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? endpoint : "https://" + endpoint, UriKind.Absolute, out var uri))
        {
            throw Invalid(endpoint, "it is not a host name, host:port or URL");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw Invalid(endpoint, "only https (or http to a loopback address) is supported");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Invalid(endpoint, "it must not carry a user name or password; credentials come from the environment");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            throw Invalid(endpoint, "it must be a host, host:port or scheme://host:port with no path or query");
        }

        if (uri.HostNameType == UriHostNameType.Dns && !HostNamePattern().IsMatch(uri.Host))
        {
            throw Invalid(endpoint, "the host name has an empty or malformed label");
        }

        var loopback = IsLoopback(uri.Host);
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
        {
            throw Invalid(endpoint, "plain http is allowed only for loopback addresses; use https");
        }

        // A bare loopback host is the emulator, which serves plain http unless told otherwise.
        if (!hasScheme && loopback)
        {
            uri = new Uri("http://" + endpoint);
        }

        return new UriBuilder(uri.Scheme, uri.Host, uri.IsDefaultPort ? -1 : uri.Port).Uri;
    }

    [GeneratedRegex("^[a-z]+(-[a-z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostNamePattern();
}
