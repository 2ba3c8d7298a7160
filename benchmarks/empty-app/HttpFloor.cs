/// <summary>One HTTP GET with <see cref="HttpClient"/>, as the staging tool's first API call makes it.</summary>
internal static class HttpFloor
{
    /// <summary>Sends the request; any answer counts, since only the cost of making a request is measured.</summary>
    /// <param name="url">Where to send it.</param>
    /// <returns>0 once an answer has arrived.</returns>
    public static int Get(Uri url)
    {
        using var http = new HttpClient();
        using var response = http.GetAsync(url).GetAwaiter().GetResult();
        return 0;
    }
}
