using EsaStage.Tasks.Config;

namespace EsaStage.Tasks.Tests.Config;

[TestClass]
public sealed class RoutineConfigReaderTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("esa-config-test-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public void Read_JsoncWithCommentsAndTrailingCommas_ReturnsNameAndEntry()
    {
        Write("esa.jsonc", """
            // Written by the ESA CLI.
            {
              "name": "hello-routine", /* the routine */
              "entry": "src/index.js",
              "assets": { "directory": "public", },
            }
            """);

        var config = RoutineConfigReader.Read(_directory);

        Assert.AreEqual(new RoutineConfig(Path.Combine(_directory, "esa.jsonc"), "hello-routine", "src/index.js"),
            config);
    }

    [TestMethod]
    public void Read_Toml_ReturnsNameAndEntry()
    {
        Write("esa.toml", """
            # Written by an older ESA CLI.
            name = "hello-routine"
            entry = "src/index.js"

            [dev]
            port = 18080
            """);

        var config = RoutineConfigReader.Read(_directory);

        Assert.AreEqual(new RoutineConfig(Path.Combine(_directory, "esa.toml"), "hello-routine", "src/index.js"),
            config);
    }

    [TestMethod]
    public void Read_BothFiles_PrefersJsonc()
    {
        Write("esa.jsonc", """{ "name": "from-jsonc" }""");
        Write("esa.toml", """name = "from-toml" """);

        Assert.AreEqual("from-jsonc", RoutineConfigReader.Read(_directory)!.Name);
    }

    [TestMethod]
    public void Read_NoFile_ReturnsNull() => Assert.IsNull(RoutineConfigReader.Read(_directory));

    [TestMethod]
    public void Read_BrokenJsonc_ThrowsEsa1012WithLineAndColumn()
    {
        Write("esa.jsonc", "{\n  \"name\": \"hello-routine\"\n  \"entry\": \"src/index.js\"\n}\n");

        var ex = Assert.ThrowsExactly<RoutineConfigException>(() => RoutineConfigReader.Read(_directory));

        Assert.AreEqual("ESA1012", ex.ErrorCode);
        Assert.AreEqual(Path.Combine(_directory, "esa.jsonc"), ex.FilePath);
        Assert.AreEqual(3, ex.Line);
        Assert.IsGreaterThan(0, ex.Column);
        StringAssert.Contains(ex.Message, "is invalid after a value");
        Assert.DoesNotContain("LineNumber:", ex.Message);
    }

    [TestMethod]
    public void Read_BrokenToml_ThrowsEsa1012WithTheLine()
    {
        Write("esa.toml", "name = \"hello-routine\"\nentry = \n");

        var ex = Assert.ThrowsExactly<RoutineConfigException>(() => RoutineConfigReader.Read(_directory));

        Assert.AreEqual("ESA1012", ex.ErrorCode);
        Assert.AreEqual(2, ex.Line);
    }

    [TestMethod]
    public void Read_UnterminatedTomlString_GivesTheParsersWordsWithoutItsPrefix()
    {
        Write("esa.toml", "name = \"hello-routine\nentry = \"src/index.js\"\n");

        var ex = Assert.ThrowsExactly<RoutineConfigException>(() => RoutineConfigReader.Read(_directory));

        StringAssert.Contains(ex.Message, "is not valid TOML: ");
        Assert.DoesNotContain(": error :", ex.Message);
        Assert.DoesNotContain("\n", ex.Message);
    }

    [TestMethod]
    [DataRow("esa.jsonc", """{ "name": 42 }""")]
    [DataRow("esa.toml", "name = 42")]
    public void Read_NameNotAString_ThrowsEsa1012NamingTheKey(string file, string text)
    {
        Write(file, text);

        var ex = Assert.ThrowsExactly<RoutineConfigException>(() => RoutineConfigReader.Read(_directory));

        StringAssert.Contains(ex.Message, "\"name\"");
        StringAssert.Contains(ex.Message, "must be a string");
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);
}
