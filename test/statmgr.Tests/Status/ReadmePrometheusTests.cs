using System.Text.RegularExpressions;
using Statmgr.Tests.Cli;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Status;

/// <summary>
/// The README's "Many hosts" section holds a prometheus.yml and its alerting rules for operators to
/// copy: promtool (Debian's prometheus package) checks them as Prometheus itself would load them,
/// and runs the rules on made-up series to show that each alert fires when the README says.
/// </summary>
public partial class ReadmePrometheusTests
{
    private const string ConfigName = "prometheus.yml";
    private const string RulesName = "statmgr-rules.yml";

    private TempDirectory _directory = null!;
    private string _promtool = null!;

    [SetUp]
    public void SetUp()
    {
        _promtool = HostCapabilities.RequireProgram("promtool", "prometheus");
        _directory = new TempDirectory("readme-prometheus-");
        foreach (var (name, text) in ManyHostsBlocks())
        {
            _directory.Write(name, text);
        }
    }

    [TearDown]
    public void TearDown() => _directory?.Dispose();

    [Test]
    public void TheSectionHoldsTheScrapeConfigAndTheRules() =>
        Assert.That(ManyHostsBlocks().Select(b => b.Name), Is.EqualTo(new[] { ConfigName, RulesName }));

    [Test]
    public void ScrapeConfigPassesPromtoolWithItsRules()
    {
        var check = Promtool("check", "config", ConfigName);
        Assert.That(check.ExitCode, Is.EqualTo(0), check.Stdout + check.Stderr);
        Assert.That(check.Stdout, Does.Contain($"SUCCESS: {ConfigName} is valid prometheus config file syntax"));
        Assert.That(check.Stdout, Does.Contain($"SUCCESS: 3 rules found"));
    }

    [Test]
    public void RulesPassPromtool()
    {
        var check = Promtool("check", "rules", RulesName);
        Assert.That(check.ExitCode, Is.EqualTo(0), check.Stdout + check.Stderr);
        Assert.That(check.Stdout, Does.Contain("SUCCESS: 3 rules found"));
    }

    /// <summary>
    /// A module down at minute 1 is pending at minute 2 and firing from minute 3 (down for 2
    /// minutes); a host whose scrape fails likewise; a stuck loop after a minute over 10 s.
    /// </summary>
    [Test]
    public void AlertsFireAfterTheirTime()
    {
        const string host = "ew-menlo.example.org:9750";
        const string other = "ew-seattle.example.org:9750";
        _directory.Write("alerts-test.yml",
            $"rule_files: [{RulesName}]\n"
            + "evaluation_interval: 1m\n"
            + "tests:\n"
            + "  - interval: 1m\n"
            + "    input_series:\n"
            + $"      - series: 'statmgr_module_up{{job=\"earthworm-statmgr\",instance=\"{host}\",module=\"pick_ew\",system=\"ewhost\"}}'\n"
            + "        values: '1 0 0 0 0'\n"
            + $"      - series: 'statmgr_module_up{{job=\"earthworm-statmgr\",instance=\"{host}\",module=\"tankplayer\",system=\"ewhost\"}}'\n"
            + "        values: '1 1 1 1 1'\n"
            + $"      - series: 'up{{job=\"earthworm-statmgr\",instance=\"{other}\"}}'\n"
            + "        values: '1 1 0 0 0'\n"
            + $"      - series: 'statmgr_loop_pass_age_seconds{{job=\"earthworm-statmgr\",instance=\"{host}\"}}'\n"
            + "        values: '0 0 0 30 30'\n"
            + "    alert_rule_test:\n"
            + "      - eval_time: 2m\n"
            + "        alertname: EarthwormModuleDown\n"
            + "        exp_alerts: []\n"
            + "      - eval_time: 3m\n"
            + "        alertname: EarthwormModuleDown\n"
            + "        exp_alerts:\n"
            + "          - exp_labels: {severity: critical, job: earthworm-statmgr, instance: \"" + host + "\", module: pick_ew, system: ewhost}\n"
            + "            exp_annotations:\n"
            + $"              summary: \"pick_ew on {host} is down\"\n"
            + $"              description: \"statmgr on {host} has seen module pick_ew (ewhost) dead, waiting for a restart or stopped for 2 minutes.\"\n"
            + "      - eval_time: 3m\n"
            + "        alertname: StatmgrNotScraped\n"
            + "        exp_alerts: []\n"
            + "      - eval_time: 4m\n"
            + "        alertname: StatmgrNotScraped\n"
            + "        exp_alerts:\n"
            + "          - exp_labels: {severity: critical, job: earthworm-statmgr, instance: \"" + other + "\"}\n"
            + "            exp_annotations:\n"
            + $"              summary: \"statmgr on {other} cannot be scraped\"\n"
            + $"              description: \"Prometheus has not reached statmgr's /metrics on {other} for 2 minutes: the host, statmgr or its StatusListen is down, so its modules are not watched from here.\"\n"
            + "      - eval_time: 4m\n"
            + "        alertname: StatmgrLoopStuck\n"
            + "        exp_alerts:\n"
            + "          - exp_labels: {severity: critical, job: earthworm-statmgr, instance: \"" + host + "\"}\n"
            + "            exp_annotations:\n"
            + $"              summary: \"statmgr on {host} is stuck\"\n"
            + $"              description: \"statmgr's main loop on {host} last went round 30 s ago: it is not watching heartbeats.\"\n");

        var test = Promtool("test", "rules", "alerts-test.yml");
        Assert.That(test.ExitCode, Is.EqualTo(0), test.Stdout + test.Stderr);
        Assert.That(test.Stdout, Does.Contain("SUCCESS"));
    }

    private ProcessOutcome Promtool(params string[] arguments) =>
        ChildProgram.Run(ChildProgram.StartInfo(_promtool, arguments, workingDirectory: _directory.Directory));

    /// <summary>The README section's yaml blocks, each named by its first line (<c># prometheus.yml</c>).</summary>
    private static List<(string Name, string Text)> ManyHostsBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(StatmgrProcess.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Many hosts\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no \"## Many hosts\" section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return YamlBlock().Matches(section).Select(m => (m.Groups["name"].Value, m.Groups["text"].Value)).ToList();
    }

    [GeneratedRegex(@"```yaml\n(?<text># (?<name>[\w.-]+)\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
