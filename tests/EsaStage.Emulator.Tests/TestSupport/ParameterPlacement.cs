namespace EsaStage.Emulator.Tests.TestSupport;

/// <summary>Where an RPC request carries its parameters.</summary>
internal enum ParameterPlacement
{
    /// <summary>POST with an <c>application/x-www-form-urlencoded</c> body, as the SDK does.</summary>
    FormBody,

    /// <summary>GET with the parameters in the query, as the legacy ESA CLI does.</summary>
    Query,
}
