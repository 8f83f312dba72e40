package org.scipionj.monitor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sends alerts by e-mail with a plain SMTP client (RFC 5321: EHLO, MAIL, RCPT, DATA) over a socket, as Scipion's
 * monitor does with smtplib: no TLS and no authentication, for a facility's internal relay. {@code smtp} is
 * {@code host} or {@code host:port} (default port 25). Thread-safe (one connection per alert).
 */
final class SmtpNotifier implements Notifier {

    private static final int TIMEOUT_MS = 15_000;
    private final String host;
    private final int port;
    private final String from;
    private final List<String> to;

    SmtpNotifier(String smtp, String from, List<String> to) {
        String s = smtp == null || smtp.isBlank() ? "localhost" : smtp.trim();
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            this.host = s.substring(0, colon);
            this.port = Integer.parseInt(s.substring(colon + 1));
        } else {
            this.host = s;
            this.port = 25;
        }
        this.from = from == null || from.isBlank() ? "scipion@localhost" : from.trim();
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return "e-mail to " + String.join(", ", to) + " via " + host + ":" + port;
    }

    @Override
    public void send(String project, Alert alert) throws IOException {
        String subject = "[Scipion-J] " + project + ": " + alert.message();
        String body = "Project: " + project + "\r\nIncident: " + alert.key() + "\r\nWhen: "
                + Instant.ofEpochMilli(alert.openedMillis()) + "\r\n\r\n" + alert.message()
                + "\r\n\r\nThis alert is sent once per incident; it closes when the condition clears.\r\n";
        send(subject, body);
    }

    void send(String subject, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, 220, "greeting");
            command(out, "EHLO " + localName());
            if (reply(in) / 100 != 2) {
                command(out, "HELO " + localName());
                expect(in, 250, "HELO");
            }
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, 250, "MAIL FROM");
            for (String rcpt : to) {
                command(out, "RCPT TO:<" + rcpt + ">");
                int code = reply(in);
                if (code != 250 && code != 251) {
                    throw new IOException("SMTP server " + host + ":" + port + " refused recipient " + rcpt
                            + " (" + code + ")");
                }
            }
            command(out, "DATA");
            expect(in, 354, "DATA");
            StringBuilder msg = new StringBuilder();
            msg.append("From: ").append(from).append("\r\n");
            msg.append("To: ").append(String.join(", ", to)).append("\r\n");
            msg.append("Subject: ").append(subject.replaceAll("[\r\n]+", " ")).append("\r\n");
            msg.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.now().atOffset(ZoneOffset.UTC))).append("\r\n");
            msg.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n")
                    .append("Content-Transfer-Encoding: 8bit\r\n\r\n");
            for (String line : body.split("\r?\n", -1)) {
                msg.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            msg.append(".\r\n");
            out.write(msg.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, 250, "message");
            command(out, "QUIT");
            reply(in);
        }
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void expect(BufferedReader in, int code, String step) throws IOException {
        int got = reply(in);
        if (got != code) {
            throw new IOException("SMTP server " + host + ":" + port + " answered " + got + " to " + step
                    + " (expected " + code + ")");
        }
    }

    /** Reads a (possibly multi-line) reply and returns its code. */
    private int reply(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("SMTP server " + host + ":" + port + " closed the connection");
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                try {
                    return Integer.parseInt(line.substring(0, 3));
                } catch (NumberFormatException e) {
                    throw new IOException("SMTP server " + host + ":" + port + " sent '" + line + "'");
                }
            }
        }
    }
}
