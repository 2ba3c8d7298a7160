namespace EsaStage.Core.Files;

/// <summary>Follows symbolic links to the file they finally point to.</summary>
public static class ResolvedFile
{
    /// <summary>Gets the file at <paramref name="path"/>, or the final target when it is a symbolic link.</summary>
    /// <param name="path">A file path.</param>
    /// <returns>The file; <see cref="FileSystemInfo.Exists"/> is false for a missing file or a dangling link.</returns>
    public static FileInfo Of(string path)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is null)
        {
            return file;
        }

        return file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path + ".missing-target");
    }
}
