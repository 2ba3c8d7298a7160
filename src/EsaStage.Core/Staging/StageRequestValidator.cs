using EsaStage.Core.Files;

namespace EsaStage.Core.Staging;

/// <summary>
/// The local checks that run before anything remote: each code version is one of a routine's ten, so an input that
/// can be rejected here must never reach the service.
/// </summary>
public static class StageRequestValidator
{
    /// <summary>Checks a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The checked values.</returns>
    /// <exception cref="EsaStageException">An input is invalid; the message names it and what to do.</exception>
    public static ValidatedStage Validate(StageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        ValidateRoutineName(request.RoutineName);
        var (path, bytes) = ValidateCodeFile(request.CodeFile, request.MaxCodeBytes);
        var description = NormalizeDescription(request.Description);

        return new ValidatedStage(request.RoutineName, path, bytes, description);
    }

    /// <summary>Checks a routine name against ESA's rule.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="EsaStageException">The name breaks the rule.</exception>
    public static void ValidateRoutineName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new EsaStageException(ErrorCodes.InvalidRoutineName,
                "The routine name is not set. Give the name of the ESA Edge Routine to stage.");
        }

        if (!RoutineNames.IsValid(name))
        {
            throw new EsaStageException(ErrorCodes.InvalidRoutineName,
                $"The routine name '{name}' is not valid: use 2 to 63 lowercase letters, digits and hyphens, " +
                "starting with a letter and not ending with a hyphen.");
        }
    }

    /// <summary>
    /// Turns the user's description into what is sent: a blank one is left out entirely (pinned: never sent as
    /// an empty parameter), anything else goes unchanged.
    /// </summary>
    /// <param name="description">The description.</param>
    /// <returns>The description to send, or <see langword="null"/>.</returns>
    /// <exception cref="EsaStageException">The description is too long or cannot be encoded.</exception>
    public static string? NormalizeDescription(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        // Counted in characters as a person counts them, so an emoji is one, not two UTF-16 units.
        var length = description.EnumerateRunes().Count();
        if (length > StageRequest.MaxDescriptionLength)
        {
            throw new EsaStageException(ErrorCodes.InvalidDescription,
                $"The code description is {length} characters long; the limit is " +
                $"{StageRequest.MaxDescriptionLength}. Shorten it.");
        }

        for (var i = 0; i < description.Length; i++)
        {
            var c = description[i];
            if (char.IsHighSurrogate(c) && i + 1 < description.Length && char.IsLowSurrogate(description[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new EsaStageException(ErrorCodes.InvalidDescription,
                    $"The code description has a broken character at position {i + 1} (half of a UTF-16 pair). " +
                    "Fix the text's encoding.");
            }
            else if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
            {
                throw new EsaStageException(ErrorCodes.InvalidDescription,
                    $"The code description has the control character U+{(int)c:X4} at position {i + 1}. " +
                    "Only tabs and line breaks are allowed.");
            }
        }

        return description;
    }

    private static (string Path, long Bytes) ValidateCodeFile(string? codeFile, long maxBytes)
    {
        if (string.IsNullOrWhiteSpace(codeFile))
        {
            throw new EsaStageException(ErrorCodes.CodeFileNotFound,
                "The code file is not set. Give the path of the routine's JavaScript file.");
        }

        string path;
        try
        {
            path = Path.GetFullPath(codeFile);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new EsaStageException(ErrorCodes.CodeFileNotFound,
                $"The code file path '{codeFile}' is not a valid path: {ex.Message}", ex);
        }

        if (Directory.Exists(path))
        {
            throw new EsaStageException(ErrorCodes.CodeFileIsDirectory,
                $"The code file '{path}' is a directory. Give the routine's JavaScript file inside it.")
            { FilePath = path };
        }

        // A symbolic link is measured by the file it points to: that is what the upload sends.
        var file = ResolvedFile.Of(path);
        if (!file.Exists)
        {
            throw new EsaStageException(ErrorCodes.CodeFileNotFound,
                $"The code file '{path}' does not exist. Build the routine first, or fix the path.")
            { FilePath = path };
        }

        var length = file.Length;
        if (length == 0)
        {
            throw new EsaStageException(ErrorCodes.CodeFileEmpty,
                $"The code file '{path}' is empty (or not a regular file). An empty routine would replace the " +
                "deployed code with nothing.")
            { FilePath = path };
        }

        if (length > maxBytes)
        {
            throw new EsaStageException(ErrorCodes.CodeFileTooLarge,
                $"The code file '{path}' is {length:N0} bytes, over the limit of {maxBytes:N0} bytes. " +
                "Check that the right file is given (a bundle, not a source map or archive).")
            { FilePath = path };
        }

        EnsureReadable(path);
        return (path, length);
    }

    private static void EnsureReadable(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EsaStageException(ErrorCodes.CodeFileUnreadable,
                $"The code file '{path}' cannot be read: {ex.Message}", ex)
            { FilePath = path };
        }
    }
}
