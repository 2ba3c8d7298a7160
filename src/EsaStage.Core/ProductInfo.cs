using System.Reflection;

namespace EsaStage.Core;

/// <summary>The product's name and version, for the User-Agent and for messages.</summary>
public static class ProductInfo
{
    /// <summary>Gets the product version, e.g. <c>0.1.0</c>.</summary>
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?
            .InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Gets the User-Agent sent with every request.</summary>
    public static string UserAgent { get; } = $"EsaStageTask/{Version}";
}
