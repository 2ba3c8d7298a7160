namespace EsaStage.Core.Diagnostics;

/// <summary>
/// Where the staging flow reports what it does. Each front door routes it: the tool to stderr, the MSBuild task to
/// its logger. Nothing secret is ever passed here.
/// </summary>
public interface IStageLog
{
    /// <summary>A step worth showing at normal verbosity.</summary>
    /// <param name="message">The message.</param>
    void Info(string message);

    /// <summary>A detail for verbose output.</summary>
    /// <param name="message">The message.</param>
    void Detail(string message);

    /// <summary>A warning, with the product's code.</summary>
    /// <param name="code">The diagnostic code, e.g. <c>ESA4001</c>.</param>
    /// <param name="message">The message.</param>
    void Warning(string code, string message);
}
