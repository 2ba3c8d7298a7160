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

    /// <summary>
    /// Declares a value that must never show in a log (a secret, a signed upload field). Under a CI system it is
    /// masked before anything could print it; elsewhere nothing prints it anyway.
    /// </summary>
    /// <param name="value">The sensitive value.</param>
    void MaskSecret(string value);
}
