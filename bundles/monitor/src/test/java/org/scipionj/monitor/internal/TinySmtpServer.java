package org.scipionj.monitor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal SMTP server on a loopback port that keeps every message it receives (for tests). */
final class TinySmtpServer implements AutoCloseable {

    /** One received message. */
    record Mail(String from, List<String> to, String data) {
    }

    final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread thread;

    TinySmtpServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "tiny-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s);
            } catch (IOException e) {
                // closed or client went away
            }
        }
    }

    private void session(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        say(out, "220 tiny ESMTP");
        String from = null;
        List<String> to = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO")) {
                say(out, "250-tiny greets you\r\n250 8BITMIME");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).replaceAll("[<>]", "").trim();
                say(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                to.add(line.substring(8).replaceAll("[<>]", "").trim());
                say(out, "250 OK");
            } else if (upper.equals("DATA")) {
                say(out, "354 end with .");
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                }
                mails.add(new Mail(from, List.copyOf(to), data.toString()));
                say(out, "250 queued");
            } else if (upper.equals("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "502 not implemented");
            }
        }
    }

    private static void say(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
