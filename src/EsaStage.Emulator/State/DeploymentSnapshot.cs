namespace EsaStage.Emulator.State;

/// <summary>The code version published to one environment.</summary>
/// <param name="Env">The environment: <c>staging</c> or <c>production</c>.</param>
/// <param name="CodeVersion">The deployed version.</param>
/// <param name="DeployId">The identifier of the deployment.</param>
/// <param name="CreationTime">When it was published.</param>
public sealed record DeploymentSnapshot(string Env, string CodeVersion, string DeployId, DateTimeOffset CreationTime);
