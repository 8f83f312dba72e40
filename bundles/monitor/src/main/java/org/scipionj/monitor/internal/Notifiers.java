package org.scipionj.monitor.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.protocol.Parameters;
import org.scipionj.api.protocol.RunLog;

/** Builds the notifiers a monitor run's parameters ask for. */
final class Notifiers {

    private Notifiers() {
    }

    static List<Notifier> of(Parameters p, RunLog log) {
        List<Notifier> list = new ArrayList<>();
        if (p.has("doMail") && p.bool("doMail")) {
            List<String> to = new ArrayList<>();
            for (String s : p.string("emailTo").split("[,;\\s]+")) {
                if (!s.isBlank()) {
                    to.add(s.trim());
                }
            }
            list.add(new SmtpNotifier(p.string("smtp"), p.string("emailFrom"), to));
        }
        String url = p.has("webhookUrl") ? p.string("webhookUrl").trim() : "";
        if (!url.isEmpty()) {
            list.add(new WebhookNotifier(URI.create(url), p.bool("webhookSlack")));
        }
        return list;
    }

    /** Problems with the alert parameters, each naming the parameter. */
    static List<String> problems(Parameters p) {
        List<String> problems = new ArrayList<>();
        if (p.has("doMail") && p.bool("doMail")) {
            if (!p.has("emailTo") || p.string("emailTo").isBlank()) {
                problems.add("parameter 'emailTo': give at least one address when doMail is true");
            }
            if (!p.has("smtp") || p.string("smtp").isBlank()) {
                problems.add("parameter 'smtp': give the SMTP server (host or host:port) when doMail is true");
            }
        }
        String url = p.has("webhookUrl") ? p.string("webhookUrl").trim() : "";
        if (!url.isEmpty() && !(url.startsWith("http://") || url.startsWith("https://"))) {
            problems.add("parameter 'webhookUrl': '" + url + "' is not an http(s) URL");
        }
        return problems;
    }
}
