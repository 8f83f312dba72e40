package org.scipionj.monitor.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.protocol.Param;

/**
 * The parameters of the monitors, with Scipion's names and defaults (emfacilities {@code ProtMonitorSummary} and the
 * monitors it combines). {@code monitorTime} is in minutes, as in Scipion ("Total logging time (min)").
 */
final class MonitorParams {

    private MonitorParams() {
    }

    static List<Param> common() {
        return List.of(
                Param.runs("inputProtocols").label("Protocols to monitor")
                        .help("the runs watched; the monitor ends (after a final refresh) when they have all ended"),
                Param.duration("samplingInterval", 60).label("Sampling interval (s)").notProvenance(),
                Param.decimal("monitorTime", 30000.0).min(0).label("Total logging time (min)")
                        .help("the monitor ends after this many minutes even if the watched runs still run"),
                Param.string("publishCmd", "").label("Publish command")
                        .help("shell command run after each refresh; %(REPORT_FOLDER)s is the report folder"),
                Param.ignored("doInflux", "InfluxDB export is not supported; the report has report.json"));
    }

    static List<Param> ctf() {
        return List.of(
                Param.decimal("maxDefocus", 40000.0).min(0).label("Raise alarm if maximum defocus (Å) >"),
                Param.decimal("minDefocus", 1000.0).min(0).label("Raise alarm if minimum defocus (Å) <"),
                Param.decimal("astigmatism", 1000.0).min(0).label("Raise alarm if astigmatism (Å) >")
                        .help("astigmatism is |defocusU - defocusV|; Scipion workflows sometimes give a fraction"
                                + " (0.2): values below 1 are read as that fraction of the mean defocus"));
    }

    static List<Param> system() {
        return List.of(
                Param.decimal("cpuAlert", 101.0).label("Raise alarm if CPU > (%)"),
                Param.decimal("memAlert", 101.0).label("Raise alarm if memory > (%)"),
                Param.decimal("swapAlert", 101.0).label("Raise alarm if swap > (%)"),
                Param.bool("doGpu", false).label("Check GPUs?").help("through nvidia-smi; skipped when absent"),
                Param.string("gpusToUse", "0").label("GPU ids to monitor (e.g. 0 1)"),
                Param.bool("doNetwork", false).label("Check network?"),
                Param.string("netInterfaces", "").label("Interface")
                        .help("an interface name, or Scipion's index into the list of interfaces; empty: all but lo"),
                Param.bool("doDiskIO", false).label("Check disk I/O?"));
    }

    static List<Param> gain() {
        return List.of(
                Param.decimal("stddevValue", 0.04).min(0).label("Raise alarm if residual gain std >"),
                Param.decimal("ratio1Value", 1.15).min(0).label("Raise alarm if 97.5/2.5 percentile ratio >"),
                Param.decimal("ratio2Value", 4.5).min(0).label("Raise alarm if max/min ratio >"),
                Param.integer("movieStep", 5L).min(1).label("Analyse one movie in").notProvenance()
                        .help("reading every frame of every movie is costly; 1 analyses them all"));
    }

    static List<Param> alerts() {
        return List.of(
                Param.bool("doMail", false).label("Send e-mail alerts?"),
                Param.string("emailFrom", "").label("From"),
                Param.string("emailTo", "").label("To").help("one or more addresses separated by commas"),
                Param.string("smtp", "localhost").label("SMTP server").help("host or host:port (default port 25)"),
                Param.string("webhookUrl", "").label("Webhook URL")
                        .help("an http(s) URL that receives each alert as a JSON POST; empty: no webhook"),
                Param.bool("webhookSlack", false).label("Slack-compatible webhook?")
                        .help("post {\"text\": ...} as Slack incoming webhooks expect, instead of the full alert"),
                Param.duration("noMovieAlert", 0).label("Raise alarm if no new movie for")
                        .help("while the import runs; 0 disables (e.g. 10m)"),
                Param.decimal("behindFactor", 0.9).range(0, 10).label("Stage behind below this fraction")
                        .help("a stage falls behind when its rate is below this fraction of the acquisition rate"
                                + " while its backlog grows"));
    }

    @SafeVarargs
    static List<Param> concat(List<Param>... lists) {
        List<Param> all = new ArrayList<>();
        for (List<Param> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
