namespace EsaStage.Cli.Commands;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for succeeded.</summary>
    public const int Success = 0;

    /// <summary>Staging failed, or an input was rejected.</summary>
    public const int Failed = 1;

    /// <summary>The run was cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
