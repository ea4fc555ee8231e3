using System.IO.Compression;
using ModelAnalyzers.IntegrationTests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// model-audit on every solution format a user has (.sln, .slnx, a folder, a single project), with a solution whose
/// projects include one with invalid XML and one whose SDK does not exist: each is named with MSBuild's own reason and
/// the others are audited.
/// </summary>
public sealed class SolutionFormatTests : IClassFixture<SolutionFormatTests.MixedSolution>
{
    private readonly MixedSolution _solution;

    public SolutionFormatTests(MixedSolution solution) => _solution = solution;

    [Theory]
    [InlineData("All.slnx")]
    [InlineData("All.sln")]
    public async Task BrokenProjectsAreNamedWithTheirReasonAndTheRestIsAudited(string entry)
    {
        var audit = await ModelAuditTool.RunAsync(_solution.Directory, entry, "--no-restore", "--as-of", "2026-12-07");

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Matches(@"Good\s+│ 1\s+│ audited", audit.Output);
        Assert.Contains("BadXml: the project did not load:", audit.Output, StringComparison.Ordinal);
        Assert.Contains("The following elements are not closed", audit.Output, StringComparison.Ordinal);
        Assert.Contains("NoSdk: the project did not load:", audit.Output, StringComparison.Ordinal);
        Assert.Contains("'Acme.Missing.Sdk/1.0.0' specified could not be found", audit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not restored", audit.Output, StringComparison.Ordinal);
        Assert.Contains("Good/Program.cs:1:36 MDL0001 'gpt-4' was shut down", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithOneSlnxAndASingleProjectAreAuditedToo()
    {
        var folder = await ModelAuditTool.RunAsync(Path.Combine(_solution.Directory, "only-slnx"), ".", "--no-restore", "--as-of", "2026-12-07");
        var project = await ModelAuditTool.RunAsync(_solution.Directory, "Good/Good.csproj", "--no-restore", "--as-of", "2026-12-07");

        Assert.True(folder.ExitCode == 0, folder.ToString());
        Assert.Contains("model-audit Clean.slnx: 1 model(s), 1 site(s) in 1 project(s)", folder.Output, StringComparison.Ordinal);
        Assert.True(project.ExitCode == 0, project.ToString());
        Assert.Contains("model-audit Good.csproj: 1 model(s), 1 site(s) in 1 project(s)", project.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptGzipUsageExportIsNamedAndLeftOut()
    {
        string corrupt = Path.Combine(_solution.Directory, "usage.csv.gz");
        var audit = await ModelAuditTool.RunAsync(_solution.Directory, "Good/Good.csproj", "--no-restore", "--as-of", "2026-12-07", "--usage", corrupt);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains($"usage: {corrupt}: not a readable gzip file", audit.Output, StringComparison.Ordinal);
        Assert.Contains("the file is left out", audit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", audit.Output, StringComparison.Ordinal);
    }

    /// <summary>A good project on the real SDK, one with invalid XML, one with an SDK that does not exist, in a .sln and a .slnx.</summary>
    public sealed class MixedSolution : IAsyncLifetime
    {
        private readonly TempSolution _folder = new("model-audit-mixed-");

        public string Directory => _folder.Directory;

        public async Task InitializeAsync()
        {
            _folder.ConsoleApp("Good", "var c = new OpenAI.Chat.ChatClient(\"gpt-4\", \"k\"); Console.WriteLine(c);\n");
            _folder.Write("BadXml/BadXml.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>\n");
            _folder.Write("NoSdk/NoSdk.csproj", "<Project Sdk=\"Acme.Missing.Sdk/1.0.0\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
            _folder.Write("All.slnx", """
                <Solution>
                  <Project Path="Good/Good.csproj" />
                  <Project Path="BadXml/BadXml.csproj" />
                  <Project Path="NoSdk/NoSdk.csproj" />
                </Solution>
                """);
            _folder.Write("only-slnx/Clean.slnx", "<Solution>\n  <Project Path=\"../Good/Good.csproj\" />\n</Solution>\n");
            var projects = new[] { ("Good", "Good\\Good.csproj"), ("BadXml", "BadXml\\BadXml.csproj"), ("NoSdk", "NoSdk\\NoSdk.csproj") };
            _folder.Write("All.sln", "\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n"
                + string.Concat(projects.Select((p, i) => $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{p.Item1}\", \"{p.Item2}\", \"{{0000000{i}-0000-0000-0000-000000000000}}\"\nEndProject\n"))
                + "Global\nEndGlobal\n");

            using (var gzip = new MemoryStream())
            {
                using (var zip = new GZipStream(gzip, CompressionLevel.Fastest))
                {
                    zip.Write("model,input_tokens,output_tokens\ngpt-4,1000,200\n"u8);
                }

                byte[] bytes = gzip.ToArray();
                bytes[bytes.Length / 2] ^= 0xFF;
                _folder.WriteBytes("usage.csv.gz", bytes);
            }

            await _folder.RestoreAsync("Good/Good.csproj");
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
