using EsaStage.Core.Staging;

namespace EsaStage.Core.Tests.Staging;

[TestClass]
public sealed class StageRequestValidatorTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-validate-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    [DataRow("ab")]
    [DataRow("hello-routine")]
    [DataRow("r2d2")]
    public void ValidateRoutineName_ValidName_Passes(string name)
    {
        StageRequestValidator.ValidateRoutineName(name);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(" ")]
    [DataRow("a")]
    [DataRow("Hello")]
    [DataRow("1hello")]
    [DataRow("hello-")]
    [DataRow("hello_routine")]
    [DataRow("hello routine")]
    [DataRow("héllo")]
    public void ValidateRoutineName_InvalidName_FailsWithNameCode(string name)
    {
        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.ValidateRoutineName(name));

        Assert.AreEqual(ErrorCodes.InvalidRoutineName, error.ErrorCode);
    }

    [TestMethod]
    public void ValidateRoutineName_SixtyFourCharacters_Fails()
    {
        Assert.Throws<EsaStageException>(() => StageRequestValidator.ValidateRoutineName(new string('a', 64)));
        StageRequestValidator.ValidateRoutineName(new string('a', 63));
    }

    [TestMethod]
    public void Validate_MissingFile_FailsNamingThePath()
    {
        var path = Path.Combine(_directory, "missing.js");

        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.Validate(Request(path)));

        Assert.AreEqual(ErrorCodes.CodeFileNotFound, error.ErrorCode);
        Assert.Contains(path, error.Message);
        Assert.AreEqual(path, error.FilePath);
    }

    [TestMethod]
    public void Validate_Directory_FailsWithDirectoryCode()
    {
        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.Validate(Request(_directory)));

        Assert.AreEqual(ErrorCodes.CodeFileIsDirectory, error.ErrorCode);
    }

    [TestMethod]
    public void Validate_EmptyFile_FailsWithEmptyCode()
    {
        var path = Path.Combine(_directory, "empty.js");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.Validate(Request(path)));

        Assert.AreEqual(ErrorCodes.CodeFileEmpty, error.ErrorCode);
    }

    [TestMethod]
    public void Validate_FileOverCap_FailsWithSizeCode()
    {
        var path = Path.Combine(_directory, "big.js");
        File.WriteAllBytes(path, new byte[101]);

        var error = Assert.Throws<EsaStageException>(
            () => StageRequestValidator.Validate(Request(path) with { MaxCodeBytes = 100 }));

        Assert.AreEqual(ErrorCodes.CodeFileTooLarge, error.ErrorCode);
        Assert.Contains("101 bytes", error.Message);
    }

    [TestMethod]
    public void Validate_SymbolicLink_IsMeasuredByItsTarget()
    {
        var target = Path.Combine(_directory, "target.js");
        File.WriteAllBytes(target, new byte[4053]);
        var link = Path.Combine(_directory, "link.js");
        File.CreateSymbolicLink(link, target);

        Assert.AreEqual(4053, StageRequestValidator.Validate(Request(link)).Bytes);
        var error = Assert.Throws<EsaStageException>(
            () => StageRequestValidator.Validate(Request(link) with { MaxCodeBytes = 100 }));
        Assert.AreEqual(ErrorCodes.CodeFileTooLarge, error.ErrorCode);
    }

    [TestMethod]
    public void Validate_DanglingSymbolicLink_FailsAsMissing()
    {
        var link = Path.Combine(_directory, "dangling.js");
        File.CreateSymbolicLink(link, Path.Combine(_directory, "gone.js"));

        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.Validate(Request(link)));

        Assert.AreEqual(ErrorCodes.CodeFileNotFound, error.ErrorCode);
    }

    [TestMethod]
    public void NormalizeDescription_EmojiUpToTheLimit_CountsEachOnce()
    {
        var emoji = string.Concat(Enumerable.Repeat("🚀", StageRequest.MaxDescriptionLength));

        Assert.AreEqual(emoji, StageRequestValidator.NormalizeDescription(emoji));
    }

    [TestMethod]
    public void Validate_FileAtCap_PassesWithFullPathAndSize()
    {
        var path = Path.Combine(_directory, "ok.js");
        File.WriteAllBytes(path, new byte[100]);

        var stage = StageRequestValidator.Validate(Request(path) with { MaxCodeBytes = 100 });

        Assert.AreEqual(Path.GetFullPath(path), stage.CodeFile);
        Assert.AreEqual(100, stage.Bytes);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("\n\t")]
    public void NormalizeDescription_Blank_IsLeftOut(string? description)
    {
        Assert.IsNull(StageRequestValidator.NormalizeDescription(description));
    }

    [TestMethod]
    [DataRow(" release 1.2.3 ")]
    [DataRow("修复登录 ✓ — 100% done")]
    [DataRow("🚀 launch")]
    [DataRow("line1\nline2\ttab")]
    public void NormalizeDescription_Text_IsKeptUnchanged(string description)
    {
        Assert.AreEqual(description, StageRequestValidator.NormalizeDescription(description));
    }

    [TestMethod]
    public void NormalizeDescription_LoneSurrogate_Fails()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var broken = "broken " + (char)0xD83D + " pair";

        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.NormalizeDescription(broken));

        Assert.AreEqual(ErrorCodes.InvalidDescription, error.ErrorCode);
        Assert.Contains("position 8", error.Message);
    }

    [TestMethod]
    [DataRow("nul \0 byte")]
    [DataRow("escape \u001b[31m")]
    public void NormalizeDescription_UnsendableCharacter_Fails(string description)
    {
        var error = Assert.Throws<EsaStageException>(() => StageRequestValidator.NormalizeDescription(description));

        Assert.AreEqual(ErrorCodes.InvalidDescription, error.ErrorCode);
    }

    [TestMethod]
    public void NormalizeDescription_TooLong_Fails()
    {
        var error = Assert.Throws<EsaStageException>(
            () => StageRequestValidator.NormalizeDescription(new string('x', StageRequest.MaxDescriptionLength + 1)));

        Assert.AreEqual(ErrorCodes.InvalidDescription, error.ErrorCode);
    }

    private static StageRequest Request(string path) => new() { RoutineName = "hello-routine", CodeFile = path };
}
