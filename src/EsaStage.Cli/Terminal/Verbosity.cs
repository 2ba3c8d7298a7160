namespace EsaStage.Cli.Terminal;

/// <summary>How much the tool writes to stderr.</summary>
internal enum Verbosity
{
    /// <summary>Errors and warnings only.</summary>
    Quiet,

    /// <summary>The main steps.</summary>
    Normal,

    /// <summary>Every step and detail.</summary>
    Detailed,
}
