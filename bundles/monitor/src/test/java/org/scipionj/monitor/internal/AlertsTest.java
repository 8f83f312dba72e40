package org.scipionj.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTest {

    @TempDir
    Path dir;

    @Test
    void oneAlertPerIncidentAndTheBookSurvivesARestart() {
        Path file = dir.resolve("alerts.json");
        AlertBook book = new AlertBook(file);
        assertEquals(1, book.update(Map.of("system.cpu", "CPU 99 %"), 1000).size());
        assertEquals(0, book.update(Map.of("system.cpu", "CPU 98 %"), 2000).size(), "still the same incident");
        AlertBook restarted = new AlertBook(file);
        assertEquals(0, restarted.update(Map.of("system.cpu", "CPU 97 %"), 3000).size(), "not notified twice");
        assertEquals(0, restarted.update(Map.of(), 4000).size());
        assertFalse(restarted.all().get(0).open());
        assertEquals(4000, restarted.all().get(0).closedMillis());
        List<Alert> again = restarted.update(Map.of("system.cpu", "CPU 99 %"), 5000);
        assertEquals(1, again.size(), "a new incident once the first closed");
        assertEquals(2, restarted.all().size());
    }

    @Test
    void emailReachesAnSmtpServer() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            SmtpNotifier mail = new SmtpNotifier("127.0.0.1:" + server.port(), "monitor@facility",
                    List.of("a@facility", "b@facility"));
            mail.send("session42", new Alert("ctf.astigmatism", "astigmatism 1500 Å of micrograph 7", 0, 0));
            mail.send("Subject", "line\n.starts with a dot\nend");
            assertEquals(2, server.mails.size());
            TinySmtpServer.Mail m = server.mails.get(0);
            assertEquals("monitor@facility", m.from());
            assertEquals(List.of("a@facility", "b@facility"), m.to());
            assertTrue(m.data().contains("Subject: [Scipion-J] session42: astigmatism 1500"), m.data());
            assertTrue(server.mails.get(1).data().contains("\n.starts with a dot\n"), "dot-stuffing undone");
        }
    }

    @Test
    void unreachableSmtpServerSaysWhere() throws Exception {
        int port;
        try (TinySmtpServer server = new TinySmtpServer()) {
            port = server.port();
        }
        SmtpNotifier mail = new SmtpNotifier("127.0.0.1:" + port, "", List.of("x@y"));
        IOException e = assertThrows(IOException.class, () -> mail.send("s", "b"));
        assertTrue(e.getMessage() == null || !e.getMessage().isEmpty());
    }

    @Test
    void webhookPostsJsonAndSlackText() throws Exception {
        try (TinyWebhook hook = new TinyWebhook()) {
            Alert a = new Alert("stage.5.behind", "CTF (run 5) falls behind", 1_700_000_000_000L, 0);
            new WebhookNotifier(hook.url(), false).send("p", a);
            new WebhookNotifier(hook.url(), true).send("p", a);
            JsonNode plain = new ObjectMapper().readTree(hook.bodies.get(0));
            assertEquals("stage.5.behind", plain.path("key").asText());
            assertEquals("p", plain.path("project").asText());
            JsonNode slack = new ObjectMapper().readTree(hook.bodies.get(1));
            assertTrue(slack.path("text").asText().contains("CTF (run 5) falls behind"));
            assertEquals(1, slack.size(), "Slack gets only text");
            assertEquals("application/json", hook.contentTypes.get(0));
        }
    }

    @Test
    void badAlertParametersAreNamed() {
        var p = new org.scipionj.api.protocol.Parameters(Map.of("doMail", true, "emailTo", "", "smtp", "",
                "webhookUrl", "ftp://x"));
        List<String> problems = Notifiers.problems(p);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("emailTo"));
    }
}
