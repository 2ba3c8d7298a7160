namespace EsaStage.Core.Staging;

/// <summary>An environment a code version can be published to.</summary>
public enum PublishEnvironment
{
    /// <summary>The staging environment (<c>staging</c>).</summary>
    Staging,

    /// <summary>The production environment (<c>production</c>).</summary>
    Production,
}
