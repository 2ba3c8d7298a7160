namespace EsaStage.Core.Diagnostics;

/// <summary>Messages of network failures, which often keep the useful part in an inner exception.</summary>
public static class ExceptionMessages
{
    /// <summary>
    /// Joins the messages of an exception and its inner exceptions, dropping the "see inner exception" kind of
    /// text, so that for example a TLS failure says which certificate check failed.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The messages, outermost first.</returns>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message
                .Replace(", see inner exception.", ".", StringComparison.Ordinal)
                .Replace(" See the inner exception for details.", string.Empty, StringComparison.Ordinal)
                .Trim();
            if (message.Length > 0 && !messages.Contains(message))
            {
                messages.Add(message);
            }
        }

        return string.Join(" ", messages.Select(m => m.EndsWith('.') ? m : m + "."));
    }
}
